namespace ArtBot.BotFramework.Connector;

/// <summary>What a connector request is for, kept in its options: the pipeline's rate limiter and retry log read it.</summary>
internal sealed record ConnectorCall(string Operation, string? ConversationKey, string? TenantId)
{
    private static readonly HttpRequestOptionsKey<ConnectorCall> Key = new("ArtBot.ConnectorCall");

    public void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);

    public static ConnectorCall? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var call) ? call : null;
}
