using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace ArtBot.Features.People;

/// <summary>What a failed Microsoft Graph call threw, for the callers that fall back instead of failing.</summary>
internal static class GraphErrors
{
    /// <summary>A Graph error answer, a network failure or a timeout (not the caller's own cancellation).</summary>
    public static bool IsFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is ApiException or HttpRequestException or ServiceException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public static int StatusOf(Exception ex) => ex switch
    {
        ApiException api => api.ResponseStatusCode,
        HttpRequestException http => (int?)http.StatusCode ?? 0,
        _ => 0,
    };

    public static string ErrorCodeOf(Exception ex) => ex switch
    {
        ODataError { Error.Code: { } code } => code,
        OperationCanceledException => "Timeout",
        HttpRequestException => "NetworkError",
        _ => ex.GetType().Name,
    };
}
