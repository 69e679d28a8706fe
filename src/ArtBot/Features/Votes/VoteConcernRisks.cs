using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using ArtBot.Features.Impediments;

namespace ArtBot.Features.Votes;

/// <summary>
/// Turns a vote's concern into a risk to ROAM, in the impediments store of the team (and ART), linked back to the
/// vote and the concern. Raising the same concern again finds the same risk (keyed by the concern).
/// </summary>
public sealed class VoteConcernRisks(IVoteStore votes, IImpedimentStore impediments, IArtStore arts, SharedImpedimentCards cards, TimeProvider time)
{
    public async Task<Impediment> RaiseAsync(Activity activity, Vote vote, VoteConcern concern, Person raisedBy, CancellationToken cancellationToken)
    {
        var scope = ImpedimentScope.Of(activity);
        var (artId, teamName, locale) = await ImpedimentDrafts.ArtOfAsync(arts, scope, cancellationToken);
        var text = PlainText.UnescapeMarkdown(concern.Text);
        var title = ImpedimentRules.FitTitle(text);
        var question = PlainText.UnescapeMarkdown(vote.Question);
        var description = text.Length > title.Length
            ? Localized.Format(VoteStrings.RiskDescriptionWithText, question, vote.Round, text)
            : Localized.Format(VoteStrings.RiskDescription, question, vote.Round);
        var draft = ImpedimentDrafts.For(
            activity, scope, raisedBy, time.GetUtcNow(), title, description, ImpedimentKind.Risk, Severity.Medium,
            teamName ?? vote.TeamName, ImpedimentSource.VoteConcern(vote.Id, concern.Id), artId ?? vote.ArtId, vote.Locale ?? locale);

        var raised = await impediments.RaiseAsync(draft, "voteConcern:" + concern.Id, cancellationToken);
        if (raised.Created)
        {
            await cards.PostAsync(raised.Impediment, activity, cancellationToken);
        }

        await votes.MarkConcernRaisedAsync(vote.Id, concern.Id, raised.Impediment.Id, cancellationToken);
        return raised.Impediment;
    }
}
