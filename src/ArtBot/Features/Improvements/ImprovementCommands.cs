using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Improvements;

/// <summary><c>improvements</c> lists this ART's (or conversation's) improvement items; <c>improvements mine</c> those you own.</summary>
public sealed class ImprovementCommands(IArtStore arts, IImprovementStore improvements, TimeProvider time) : IBotFeature
{
    public const string ListName = "improvements";

    public void Register(FeatureTable table) => table.Command(
        ListName, () => ImprovementStrings.CommandImprovementsUsage, () => ImprovementStrings.CommandImprovementsDescription, ListAsync);

    private async Task ListAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (word, _) = CommandRouter.Split(arguments);
        if (word is not ("" or "mine"))
        {
            await turn.SendAsync(Activity.CreateMessage(ImprovementStrings.ErrorImprovementsUsage), cancellationToken);
            return;
        }

        var place = await ImprovementPlace.ResolveAsync(turn.Activity, arts, cancellationToken);
        var items = await improvements.ListAsync(place.Scope, cancellationToken);
        var artName = place.Art is { } art ? PlainText.EscapeMarkdown(art.Name) : null;
        var now = time.GetUtcNow();
        var card = word == "mine"
            ? ImprovementListCard.Build(
                artName is null ? ImprovementStrings.ListMineConversationTitle : Localized.Format(ImprovementStrings.ListMineArtTitle, artName),
                [.. items.Where(i => IsOwner(i, place.ActorId, turn.Activity.From?.Id))],
                now, ImprovementStrings.ListMineEmpty)
            : ImprovementListCard.Build(
                artName is null ? ImprovementStrings.ListConversationTitle : Localized.Format(ImprovementStrings.ListArtTitle, artName), items, now,
                ImprovementStrings.ListEmpty);
        await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
    }

    /// <summary>Owned by the person: by Entra object id, or by Teams user id (when Teams gave no object id for the owner).</summary>
    public static bool IsOwner(ImprovementItem item, string? actorId, string? teamsUserId) =>
        (actorId is not null && string.Equals(item.OwnerId, actorId, StringComparison.Ordinal))
        || (teamsUserId is { Length: > 0 } && string.Equals(item.OwnerTeamsId, teamsUserId, StringComparison.Ordinal));
}
