using System.Net;
using System.Text;

namespace ArtBot.Tests.Shared;

/// <summary>One request as the connector saw it.</summary>
internal sealed record HandledRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string? Body);

/// <summary>
/// A fake connector: records every request and answers from a queue of scripted responses
/// (then the default: 200 <c>{"id":"activity-1"}</c>). A scripted step may also throw.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<HandledRequest> _requests = [];
    private readonly Queue<Func<HttpResponseMessage>> _script = new();
    private readonly ChangeSignal _arrivals = new();

    public IReadOnlyList<HandledRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    public int Count
    {
        get { lock (_gate) { return _requests.Count; } }
    }

    public HandledRequest Last => Requests[^1];

    /// <summary>Completes once <paramref name="count"/> requests have arrived.</summary>
    public Task WhenCountAsync(int count) => _arrivals.When(() => Count >= count);

    public RecordingHandler Respond(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null)
    {
        lock (_gate)
        {
            _script.Enqueue(() =>
            {
                var response = Response(status, json);
                configure?.Invoke(response);
                return response;
            });
        }

        return this;
    }

    public RecordingHandler Throw(Exception exception)
    {
        lock (_gate)
        {
            _script.Enqueue(() => throw exception);
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<HttpResponseMessage>? step;
        lock (_gate)
        {
            _requests.Add(new(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.ToString(),
                body));
            _script.TryDequeue(out step);
        }

        _arrivals.Changed();

        return step is null ? Response(HttpStatusCode.OK, """{"id":"activity-1"}""") : step();
    }

    private static HttpResponseMessage Response(HttpStatusCode status, string? json) => new(status)
    {
        Content = json is null ? new ByteArrayContent([]) : new StringContent(json, Encoding.UTF8, "application/json"),
    };
}
