using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;

namespace ArtBot.Features.Impediments;

/// <summary>
/// Where an activity's impediments live: the tenant and the scope (the team for a team's channels, so all its channels
/// share one list; else the chat). Always taken from the activity, never from card data, so an id from another
/// tenant or team finds nothing.
/// </summary>
public sealed record ImpedimentScope(string TenantId, string ScopeId, string ConversationId, string? TeamId)
{
    public static ImpedimentScope Of(Activity activity)
    {
        var conversation = ConversationIds.WithoutThread(activity.Conversation?.Id ?? "");
        var teamId = activity.ChannelData?.Team?.Id is { Length: > 0 } team ? team : null;
        return new ImpedimentScope(ConversationIds.Tenant(activity), teamId ?? conversation, conversation, teamId);
    }

    /// <summary>The person acting: Entra object id (else Teams user id) and name. Null when Teams did not say.</summary>
    public static Person? Actor(Activity activity)
    {
        var id = activity.UserId();
        return id is null ? null : new Person(id, activity.From?.Name);
    }
}
