using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

#pragma warning disable CA1050 // the runtime looks for a type named exactly StartupHook, outside any namespace
/// <summary>
/// Loaded by the runtime before the bot's Main when <c>DOTNET_STARTUP_HOOKS</c> names this assembly. Counts first-chance
/// exceptions from the start and answers every connection to <c>127.0.0.1:ARTBOT_PROBE_PORT</c> with one line:
/// CPU time in ms, bytes allocated, exceptions thrown, and the HTTP requests the process made to port
/// <c>ARTBOT_PROBE_STORAGE_PORT</c> (its storage), reads (GET) and writes (any other method), all since it started. The
/// requests are counted from the runtime's own HttpClient metrics, so no proxy sits between the bot and its storage.
/// </summary>
public static class StartupHook
#pragma warning restore CA1050
{
    private static long _exceptions;
    private static long _storageReads;
    private static long _storageWrites;
    private static MeterListener? _http;

    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("ARTBOT_PROBE_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return;
        }

        var show = Environment.GetEnvironmentVariable("ARTBOT_PROBE_SHOW_EXCEPTIONS") == "1"; // diagnostics: each one on stderr
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            Interlocked.Increment(ref _exceptions);
            if (show)
            {
                Console.Error.WriteLine($"probe: first-chance {e.Exception.GetType().FullName}: {e.Exception.Message} {Environment.StackTrace.Replace(Environment.NewLine, " | ", StringComparison.Ordinal)}");
            }
        };
        if (int.TryParse(Environment.GetEnvironmentVariable("ARTBOT_PROBE_STORAGE_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var storagePort))
        {
            CountRequestsTo(storagePort);
        }

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        new Thread(() => Serve(listener)) { IsBackground = true, Name = "ArtBot probe" }.Start();
    }

    /// <summary>The current reading, as the line the benchmark parses.</summary>
    internal static string Reading() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.CpuUsage.TotalTime.TotalMilliseconds:0.000} {GC.GetTotalAllocatedBytes(precise: true)} {Interlocked.Read(ref _exceptions)} {Interlocked.Read(ref _storageReads)} {Interlocked.Read(ref _storageWrites)}\n");

    /// <summary>Counts every completed request to <paramref name="port"/> (the <c>http.client.request.duration</c> instrument).</summary>
    private static void CountRequestsTo(int port)
    {
        _http = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _http.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            int? serverPort = null;
            string? method = null;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "server.port":
                        serverPort = tag.Value as int?;
                        break;
                    case "http.request.method":
                        method = tag.Value as string;
                        break;
                }
            }

            if (serverPort == port)
            {
                Interlocked.Increment(ref method == "GET" ? ref _storageReads : ref _storageWrites);
            }
        });
        _http.Start();
    }

    private static void Serve(TcpListener listener)
    {
        while (true)
        {
            using var client = listener.AcceptTcpClient();
            using var stream = client.GetStream();
            stream.Write(Encoding.ASCII.GetBytes(Reading()));
        }
    }
}
