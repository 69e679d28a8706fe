namespace ArtBot.Domain.Conversations;

/// <summary>Where installed conversations are kept. One row per tenant and conversation.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Stores an installation. True when this call installed it (new, or re-installed after removal);
    /// false when it was already installed (the stored details are refreshed). Safe under concurrent calls:
    /// exactly one of several simultaneous installs of the same conversation returns true.
    /// </summary>
    Task<bool> InstallAsync(InstalledConversation conversation, CancellationToken cancellationToken);

    /// <summary>Marks the conversation removed; keeps the row (history, and what was stored for it).</summary>
    Task MarkRemovedAsync(string tenantId, string conversationId, DateTimeOffset removedAt, CancellationToken cancellationToken);

    /// <summary>Records a new serviceUrl for a known conversation; does nothing for an unknown one.</summary>
    Task RefreshServiceUrlAsync(string tenantId, string conversationId, string serviceUrl, CancellationToken cancellationToken);

    Task<InstalledConversation?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken);
}
