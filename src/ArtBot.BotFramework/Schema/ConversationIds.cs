
namespace ArtBot.BotFramework.Schema;

/// <summary>How conversations are identified in storage.</summary>
public static class ConversationIds
{
    /// <summary>The partition for activities that carry no tenant (never the case in Teams; local tools only).</summary>
    public const string NoTenant = "no-tenant";

    /// <summary>A channel thread (<c>19:...@thread.tacv2;messageid=123</c>) belongs to its channel (<c>19:...@thread.tacv2</c>).</summary>
    public static string WithoutThread(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    public static string Tenant(Activity activity) =>
        string.IsNullOrWhiteSpace(activity.TenantId) ? NoTenant : activity.TenantId;
}
