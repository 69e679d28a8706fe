using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Improvements;

namespace ArtBot.Features.Improvements;

/// <summary>
/// Where an Inspect &amp; Adapt action happens: tenant, conversation, the ART it belongs to (if any), whose items it
/// sees, and who is acting. ART rules: with an ART only its RTEs run workshops and the PI is the ART's current PI;
/// without one anybody may, for "no PI".
/// </summary>
public sealed record ImprovementPlace(string TenantId, string ConversationId, string PostedConversationId, Art? Art, string? ActorId, string? ActorName)
{
    public ImprovementScope Scope => new(TenantId, Art?.Id, ConversationId);

    public string? Pi => Art?.CurrentPi?.Name;

    public static async Task<ImprovementPlace> ResolveAsync(Activity activity, IArtStore arts, CancellationToken cancellationToken)
    {
        var tenant = ConversationIds.Tenant(activity);
        var posted = activity.Conversation?.Id ?? "";
        var conversation = ConversationIds.WithoutThread(posted);
        var membership = conversation.Length == 0 ? null : await arts.FindByConversationAsync(tenant, conversation, cancellationToken);
        return new ImprovementPlace(tenant, conversation, posted, membership?.Art, ActorIdOf(activity), activity.From?.Name);
    }

    /// <summary>The stable identity of a person: Entra object id, else the Teams user id.</summary>
    public static string? ActorIdOf(Activity activity) => activity.UserId();

    /// <summary>May the actor start or close a workshop here? With an ART: its RTEs; otherwise <paramref name="starterId"/> (or anyone to start).</summary>
    public bool MayRun(string? starterId) =>
        Art is { } art ? art.IsRte(ActorId) : starterId is null || string.Equals(starterId, ActorId, StringComparison.Ordinal);
}
