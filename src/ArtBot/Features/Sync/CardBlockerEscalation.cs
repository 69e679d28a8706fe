using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Sync;

/// <summary>
/// The <see cref="IBlockerEscalation"/> used when the impediments feature is not registered: posts a clear "impediment
/// raised" card into the conversation the click came from and returns a stable id derived from the blocker (so a second
/// click creates nothing new). With the impediments feature, <see cref="ImpedimentBlockerEscalation"/> is used.
/// </summary>
public sealed class CardBlockerEscalation(ConnectorClient connector) : IBlockerEscalation
{
    public async Task<BlockerEscalationResult> RaiseImpedimentAsync(BlockerEscalationRequest request, CancellationToken cancellationToken)
    {
        var by = request.RaisedBy.Name ?? SyncStrings.RaisedSomeone;
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock(SyncStrings.RaisedTitle) { Size = "Large", Weight = "Bolder", Style = "heading" },
                new TextBlock(request.Text) { Weight = "Bolder" },
                new FactSet(
                [
                    new Fact(SyncStrings.RaisedFactTeam, request.TeamName),
                    new Fact(SyncStrings.RaisedFactFrom, Localized.Format(
                        request.Kind == CheckInItemKind.Blocker ? SyncStrings.RaisedFromBlocker : SyncStrings.RaisedFromDependency, SyncText.SyncDate(request.SyncDate))),
                    new Fact(SyncStrings.RaisedFactRaisedBy, by),
                ]),
                new TextBlock(SyncStrings.RaisedHint) { IsSubtle = true },
            ],
            FallbackText = Localized.Format(SyncStrings.RaisedFallback, request.Text),
        };
        var outcome = await connector.SendToConversationAsync(
            request.ServiceUrl, request.Art.TenantId, request.ConversationId, Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        return outcome.IsSuccess
            ? new BlockerEscalationResult(true, "IMP-" + request.SourceId[^12..].ToUpperInvariant(), SyncStrings.RaisedDone)
            : new BlockerEscalationResult(false, null, SyncStrings.ErrorRaiseNotPosted);
    }
}
