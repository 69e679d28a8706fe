using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ArtBot.LoadTests;

/// <summary>
/// One meeting stage showing a live vote, polling as <c>web/room</c>'s stage page does: <c>GET /api/meeting/votes/{id}</c>
/// once a second with <c>If-None-Match</c> (the ETag of the last answer it read), each request to an instance picked by
/// <paramref name="pick"/>. Notes when it first shows <paramref name="expected"/> ballots and whether the distribution it
/// then shows is <paramref name="distribution"/>.
/// </summary>
public sealed class StageViewer(string bearer, Func<HttpClient> pick, string voteId, int expected, IReadOnlyList<int> distribution)
{
    private long _requests;
    private long _notModified;
    private long _failed;
    private long _bytes;

    public long Requests => Interlocked.Read(ref _requests);

    public long NotModified => Interlocked.Read(ref _notModified);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Bytes of the answers' bodies.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>When (<see cref="Stopwatch"/> ticks) the stage first showed every ballot; null until it did.</summary>
    public long? SawAllAt { get; private set; }

    /// <summary>Whether the distribution shown with every ballot was the expected one.</summary>
    public bool SawExactDistribution { get; private set; }

    public long StartedAt { get; private set; }

    public long StoppedAt { get; private set; }

    /// <summary>When the last answer arrived.</summary>
    public long LastAnswerAt { get; private set; }

    /// <summary>Requests per second: one less than the requests over the time from the first to the last (the page's own pace).</summary>
    public double RequestsPerSecond => Requests < 2 ? 0 : (Requests - 1) / Stopwatch.GetElapsedTime(StartedAt, LastAnswerAt).TotalSeconds;

    /// <summary>Polls from <paramref name="phase"/> on, once a second, until <paramref name="stop"/>.</summary>
    public async Task RunAsync(TimeSpan phase, CancellationToken stop)
    {
        string? etag = null;
        try
        {
            await Task.Delay(phase, stop).ConfigureAwait(false);
            StartedAt = Stopwatch.GetTimestamp();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            do
            {
                try
                {
                    etag = await PollAsync(etag, stop).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _failed);
                }
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            StoppedAt = Stopwatch.GetTimestamp();
        }
    }

    private async Task<string?> PollAsync(string? etag, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/meeting/votes/" + Uri.EscapeDataString(voteId), UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        using var response = await pick().SendAsync(request, stop).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(stop).ConfigureAwait(false);
        var at = Stopwatch.GetTimestamp();
        LastAnswerAt = at;
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, body.Length);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Interlocked.Increment(ref _notModified);
            return etag;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            Interlocked.Increment(ref _failed);
            return etag;
        }

        using var json = JsonDocument.Parse(body);
        if (SawAllAt is null && json.RootElement.GetProperty("voted").GetInt32() == expected)
        {
            SawAllAt = at;
            SawExactDistribution = json.RootElement.GetProperty("distribution") is { ValueKind: JsonValueKind.Array } shown
                && shown.EnumerateArray().Select(v => v.GetInt32()).SequenceEqual(distribution);
        }

        return response.Headers.TryGetValues("ETag", out var tags) ? tags.FirstOrDefault() : null;
    }
}
