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
        ListName, "improvements [mine]", "List this ART's improvement items with owner, status and age; 'mine' lists the ones you own", ListAsync);

    private async Task ListAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (word, _) = CommandRouter.Split(arguments);
        if (word is not ("" or "mine"))
        {
            await turn.SendAsync(Activity.CreateMessage("Type `improvements` for this ART's improvement items, or `improvements mine` for yours."), cancellationToken);
            return;
        }

        var place = await ImprovementPlace.ResolveAsync(turn.Activity, arts, cancellationToken);
        var items = await improvements.ListAsync(place.Scope, cancellationToken);
        var whose = place.Art is { } art ? PlainText.EscapeMarkdown(art.Name) : "this conversation";
        var now = time.GetUtcNow();
        var card = word == "mine"
            ? ImprovementListCard.Build(
                $"Your improvement items ({whose})",
                [.. items.Where(i => IsOwner(i, place.ActorId, turn.Activity.From?.Id))],
                now, "You own no improvement items here.")
            : ImprovementListCard.Build(
                $"Improvement items of {whose}", items, now,
                "No improvement items yet. They come from an Inspect & Adapt workshop: `inspect start`.");
        await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
    }

    /// <summary>Owned by the person: by Entra object id, or by Teams user id (when Teams gave no object id for the owner).</summary>
    public static bool IsOwner(ImprovementItem item, string? actorId, string? teamsUserId) =>
        (actorId is not null && string.Equals(item.OwnerId, actorId, StringComparison.Ordinal))
        || (teamsUserId is { Length: > 0 } && string.Equals(item.OwnerTeamsId, teamsUserId, StringComparison.Ordinal));
}
