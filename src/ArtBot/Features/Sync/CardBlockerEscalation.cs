using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Sync;

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
        var by = request.RaisedBy.Name ?? "someone";
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Impediment raised") { Size = "Large", Weight = "Bolder", Style = "heading" },
                new TextBlock(request.Text) { Weight = "Bolder" },
                new FactSet(
                [
                    new Fact("Team", request.TeamName),
                    new Fact("From", $"{(request.Kind == CheckInItemKind.Blocker ? "Blocker" : "Dependency")} in the check-in for the {request.SyncDate:yyyy-MM-dd} ART sync"),
                    new Fact("Raised by", by),
                ]),
                new TextBlock("Take it to the ART sync; the RTE owns removing systemic impediments.") { IsSubtle = true },
            ],
            FallbackText = "Impediment raised: " + request.Text,
        };
        var outcome = await connector.SendToConversationAsync(
            request.ServiceUrl, request.Art.TenantId, request.ConversationId, Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        return outcome.IsSuccess
            ? new BlockerEscalationResult(true, "IMP-" + request.SourceId[^12..].ToUpperInvariant(), "Impediment raised.")
            : new BlockerEscalationResult(false, null, "The impediment could not be posted; please try again.");
    }
}
