using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Impediments;

/// <summary>Builds a new impediment for the conversation of a turn: scope, team, where its card goes.</summary>
public static class ImpedimentDrafts
{
    public static Impediment For(
        Activity activity, ImpedimentScope scope, Person raisedBy, DateTimeOffset now,
        string title, string description, ImpedimentKind kind, Severity severity, string? teamName, ImpedimentSource source, string? artId,
        CardLocale locale) => new()
    {
        Id = "",
        TenantId = scope.TenantId,
        ScopeId = scope.ScopeId,
        ConversationId = scope.ConversationId,
        TeamId = scope.TeamId,
        TeamName = teamName,
        ArtId = artId,
        Kind = kind,
        Title = title,
        Description = description,
        Severity = severity,
        RaisedBy = raisedBy,
        RaisedAt = now,
        Source = source,
        ServiceUrl = activity.ServiceUrl,
        PostedConversationId = activity.Conversation?.Id,
        Locale = locale,
    };

    /// <summary>
    /// The ART the conversation belongs to, its team name there (as the team joined it), if any, and the language and
    /// zone of the card shared here (<see cref="ArtLocale.ForCard"/>).
    /// </summary>
    public static async Task<(string? ArtId, string? TeamName, CardLocale Locale)> ArtOfAsync(IArtStore arts, ImpedimentScope scope, CancellationToken cancellationToken)
    {
        var membership = await arts.FindByConversationAsync(scope.TenantId, scope.ConversationId, cancellationToken);
        return (membership?.Art.Id, membership?.Team?.TeamName, ArtLocale.ForCard(membership?.Art));
    }

    /// <summary>The team's name as the bot knows it (stored at installation), else from the activity.</summary>
    public static async Task<string?> TeamNameAsync(IConversationStore conversations, Activity activity, ImpedimentScope scope, CancellationToken cancellationToken)
    {
        if (activity.ChannelData?.Team?.Name is { Length: > 0 } name)
        {
            return name;
        }

        if (scope.TeamId is null)
        {
            return null;
        }

        var installed = await conversations.GetAsync(scope.TenantId, scope.TeamId, cancellationToken)
            ?? await conversations.GetAsync(scope.TenantId, scope.ConversationId, cancellationToken);
        return installed?.TeamName;
    }
}
