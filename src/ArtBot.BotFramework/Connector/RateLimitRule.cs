namespace ArtBot.BotFramework.Connector;

/// <summary>At most <see cref="PermitLimit"/> requests in any sliding window of <see cref="Window"/>.</summary>
public sealed record RateLimitRule(int PermitLimit, TimeSpan Window);
