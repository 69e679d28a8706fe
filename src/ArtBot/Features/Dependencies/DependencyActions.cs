using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// The dependency cards' Universal Actions: request one from the form (optionally for one of the team's features), show
/// one, the providing team's answers (commit to an iteration, optionally naming its feature that delivers it, decline
/// with a reason, mark delivered; from its own channel, or by an RTE), and raise one at risk as a risk to ROAM (once). Changes are ETag-guarded with their history entries and re-applied on fresh state after a
/// concurrent change; a redelivered request creates nothing twice; bad input changes nothing and says why.
/// </summary>
public sealed partial class DependencyActions(
    ArtContext arts, DependencyBoard board, DependencyRisks risks, IPlanStore<PiObjective> objectives, ILogger<DependencyActions> logger) : IBotFeature
{
    private const int MaxAttempts = 5;

    public void Register(FeatureTable table) => table
        .Verb(DependencyCard.CreateVerb, CreateAsync)
        .Verb(DependencyCard.ShowVerb, ShowAsync)
        .Verb(DependencyCard.CommitVerb, CommitAsync)
        .Verb(DependencyCard.DeclineVerb, (turn, data, ct) =>
        {
            var decline = CardData.Read(data, Data.DependencyDeclineData);
            return AnswerAsync(turn, decline.Id, (d, _) => Task.FromResult(DependencyRules.Decline(d.Dependency, decline.Reason)), null, ct);
        })
        .Verb(DependencyCard.DeliverVerb, (turn, data, ct) => AnswerAsync(turn, Named(data), (d, _) => Task.FromResult(DependencyRules.Deliver(d.Dependency)), null, ct))
        .Verb(DependencyCard.RiskVerb, RiskAsync);

    private async Task<InvokeResponse> CreateAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var place = await ArtPlace.ResolveAsync(new ArtTurn(turn, arts), cancellationToken);
        if (place is null || place.Art.CurrentPi is null)
        {
            return CardResponses.Error("NotInArt", place is null ? CommonStrings.NotInAnArt : DependencyCommands.NoPi);
        }

        var asked = CardData.Read(data, Data.DependencyCreateData);
        if (place.Team is not { } requester || place.TeamFor(asked.Team) is null)
        {
            return CardResponses.Error("NotATeam", DependencyStrings.ErrorNotATeam);
        }

        var text = DependencyRules.CheckText(asked.Text);
        if (!text.IsValid)
        {
            return CardResponses.Error("InvalidDependency", text.Error!);
        }

        var provider = place.Teams.FirstOrDefault(t => t.ConversationId == asked.Provider);
        if (provider is null || provider.ConversationId == requester.ConversationId)
        {
            return CardResponses.Error("UnknownTeam", DependencyStrings.ErrorChooseProvider);
        }

        var neededBy = DependencyRules.CheckIteration(asked.NeededBy, Iterations(place.Art));
        if (!neededBy.IsValid)
        {
            return CardResponses.Error("InvalidIteration", neededBy.Error!);
        }

        var objectiveId = asked.Objective is { Length: > 0 } linked && linked != DependencyFormCard.NoObjective ? linked : null;
        if (objectiveId is not null && (!PlanIds.IsWellFormed(objectiveId)
            || await objectives.GetAsync(place.Art.TenantId, place.Art.Id, objectiveId, cancellationToken) is not { } objective
            || objective.TeamConversationId != requester.ConversationId))
        {
            return CardResponses.Error("UnknownObjective", DependencyStrings.ErrorUnknownObjective);
        }

        var featureId = await CheckRequesterFeatureAsync(place.Art, requester, asked.Feature, cancellationToken);
        if (!featureId.IsValid)
        {
            return CardResponses.Error("UnknownFeature", featureId.Error!);
        }

        var (dependency, created) = await board.RequestAsync(
            place.Art, requester, provider, text.Value, neededBy.Value, objectiveId, featureId.Value, place.Turn.Actor, place.Turn.Now, place.Today,
            "activity:" + (turn.Activity.Id ?? Guid.NewGuid().ToString("N")), cancellationToken);
        return CardResponses.Card(await board.CardAsync(place.Art, dependency, place.Today, MayAnswer(place, dependency),
            created ? Localized.Format(DependencyStrings.NoticeRequested, provider.TeamName) : DependencyStrings.NoticeAlreadyRequested, null, cancellationToken));
    }

    /// <summary>The requesting team's feature the form named: one of its features of the current PI, or none.</summary>
    private async Task<Checked<string?>> CheckRequesterFeatureAsync(Art art, ArtTeam requester, string? value, CancellationToken cancellationToken)
    {
        var id = value?.Trim();
        var named = PlanIds.IsWellFormed(id) && await board.Features.GetAsync(art.TenantId, art.Id, id!, cancellationToken) is { } feature ? [feature] : Array.Empty<Feature>();
        return DependencyFeatures.Check(value, DependencyFeatures.Of(named, art, requester.ConversationId), null, requester.TeamName);
    }

    /// <summary>The providing team commits to an iteration and, when the card offered its features, ties the one that delivers it.</summary>
    private Task<InvokeResponse> CommitAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var commit = CardData.Read(data, Data.DependencyCommitData);
        IReadOnlyList<Feature> features = [];
        return AnswerAsync(turn, commit.Id, async (d, ct) =>
        {
            var iteration = DependencyRules.CheckIteration(commit.Iteration, Iterations(d.Place.Art));
            if (!iteration.IsValid)
            {
                return Checked.Fail<Dependency>(iteration.Error!);
            }

            if (commit.Feature is not null)
            {
                features = await board.Features.ListAsync(d.Place.Art.TenantId, d.Place.Art.Id, ct);
            }

            var tie = DependencyFeatures.Check(commit.Feature, DependencyFeatures.Of(features, d.Place.Art, d.Dependency.ProviderConversationId),
                d.Dependency.ProviderFeatureId, d.Dependency.ProviderTeamName);
            if (!tie.IsValid)
            {
                return Checked.Fail<Dependency>(tie.Error!);
            }

            var committed = DependencyRules.Commit(d.Dependency, iteration.Value);
            return committed.IsValid ? Checked.Ok(committed.Value with { ProviderFeatureId = tie.Value }) : committed;
        }, id => features.FirstOrDefault(f => f.Id == id)?.Title, cancellationToken);
    }

    private async Task<InvokeResponse> ShowAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (found, error) = await FindAsync(turn, Named(data), cancellationToken);
        return found is null ? error! : await CardAsync(found, null, null, cancellationToken);
    }

    /// <summary>The providing team's answer, applied by <paramref name="rule"/> on fresh state, with its history entry.</summary>
    private async Task<InvokeResponse> AnswerAsync(
        TurnContext turn, string? id, Func<Found, CancellationToken, Task<Checked<Dependency>>> rule, Func<string, string?>? featureName, CancellationToken cancellationToken)
    {
        var (found, error) = await FindAsync(turn, id, cancellationToken);
        if (found is null)
        {
            return error!;
        }

        if (!MayAnswer(found.Place, found.Dependency))
        {
            return CardResponses.Error("NotTheProvider", Localized.Format(DependencyStrings.ErrorNotTheProvider, found.Dependency.ProviderTeamName));
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var result = await rule(found, cancellationToken);
            if (!result.IsValid)
            {
                return await CardAsync(found, result.Error, "Attention", cancellationToken);
            }

            var now = found.Place.Turn.Now;
            var changes = DependencyRules.Changes(found.Dependency, result.Value, found.Place.Turn.Actor, now, featureName);
            if (changes.Count == 0)
            {
                return await CardAsync(found, DependencyStrings.NoticeSaved, null, cancellationToken); // already so: a redelivery or a second click
            }

            if (await board.Store.UpdateAsync(result.Value with { UpdatedAt = now }, changes, cancellationToken) is { } saved)
            {
                LogChanged(saved.Id, saved.Status);
                using (ArtLocale.ForCard(found.Place.Art).Use()) // posted in the requesting team's channel: the ART's language
                {
                    var (status, why) = DependencyRules.StatusOn(saved, Iterations(found.Place.Art), found.Place.Today);
                    var answer = saved.CommittedIteration is { } iteration && !saved.IsClosed
                        ? Localized.Format(DependencyStrings.NotifyForIteration, DependencyRules.Describe(status), iteration)
                        : DependencyRules.Describe(status);
                    answer += saved.DeclineReason is { } reason ? $" ({reason})" : "";
                    await board.NotifyRequesterAsync(found.Place.Teams, saved, why is null
                        ? Localized.Format(DependencyStrings.NotifyAnswered, saved.ProviderTeamName, saved.Text, answer)
                        : Localized.Format(DependencyStrings.NotifyAnsweredWhy, saved.ProviderTeamName, saved.Text, answer, why), cancellationToken);
                }

                return await CardAsync(found with { Dependency = saved }, DependencyStrings.NoticeSaved, null, cancellationToken);
            }

            if (await board.Store.GetAsync(found.Place.Art.TenantId, found.Place.Art.Id, found.Dependency.Id, cancellationToken) is not { } fresh)
            {
                return NotFound();
            }

            found = found with { Dependency = fresh };
        }

        return CardResponses.Error("Busy", DependencyStrings.ErrorBusy);
    }

    private async Task<InvokeResponse> RiskAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (found, error) = await FindAsync(turn, Named(data), cancellationToken);
        if (found is null)
        {
            return error!;
        }

        var (status, why) = DependencyRules.StatusOn(found.Dependency, Iterations(found.Place.Art), found.Place.Today);
        if (found.Dependency.RiskId is not null)
        {
            return await CardAsync(found, DependencyStrings.NoticeAlreadyRisk, null, cancellationToken);
        }

        if (status != DependencyStatus.AtRisk)
        {
            return await CardAsync(found, DependencyStrings.NoticeNotAtRisk, "Attention", cancellationToken);
        }

        var by = found.Place.Turn.Actor;
        var now = found.Place.Turn.Now;
        var current = await risks.RaiseAndLinkAsync(found.Place.Art, found.Place.Teams, found.Dependency, why!, by, now, cancellationToken);
        if (current is null)
        {
            return CardResponses.Error("Busy", DependencyStrings.ErrorBusyRisk);
        }

        LogRisk(current.Id);
        return await CardAsync(found with { Dependency = current },
            Localized.Format(DependencyStrings.NoticeRaised, current.RequesterTeamName), null, cancellationToken);
    }

    /// <summary>The providing team's channel answers, and RTEs from anywhere in the ART.</summary>
    private static bool MayAnswer(ArtPlace place, Dependency dependency) =>
        place.Team?.ConversationId == dependency.ProviderConversationId || place.IsRte;

    private static IReadOnlyList<Iteration> Iterations(Art art) => art.CurrentPi is { } pi ? art.Cadence.Of(pi) : [];

    private async Task<InvokeResponse> CardAsync(Found found, string? notice, string? color, CancellationToken cancellationToken) =>
        CardResponses.Card(await board.CardAsync(found.Place.Art, found.Dependency, found.Place.Today, MayAnswer(found.Place, found.Dependency), notice, color, cancellationToken));

    /// <summary>The dependency the card names, if this channel sees it: one of the two teams' channels, or the ART's.</summary>
    private async Task<(Found? Found, InvokeResponse? Error)> FindAsync(TurnContext turn, string? id, CancellationToken cancellationToken)
    {
        if (!PlanIds.IsWellFormed(id) || await ArtPlace.ResolveAsync(new ArtTurn(turn, arts), cancellationToken) is not { } place)
        {
            return (null, NotFound());
        }

        var dependency = await board.Store.GetAsync(place.Art.TenantId, place.Art.Id, id!, cancellationToken);
        if (dependency is null || (place.Team is { } team && team.ConversationId != dependency.RequesterConversationId && team.ConversationId != dependency.ProviderConversationId))
        {
            LogNotFound(id!);
            return (null, NotFound());
        }

        return (new Found(place, await board.RecordOverdueAsync(place.Art, dependency, place.Today, cancellationToken)), null);
    }

    private static InvokeResponse NotFound() => CardResponses.Error("DependencyNotFound", DependencyStrings.ErrorNotFound);

    /// <summary>The dependency named by the data of a button that names only it.</summary>
    private static string? Named(JsonElement? data) => CardData.Read(data, Data.DependencyData).Id;

    private static DependencyCardDataContext Data => DependencyCardDataContext.Default;

    private sealed record Found(ArtPlace Place, Dependency Dependency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dependency {DependencyId} is now {Status}")]
    private partial void LogChanged(string dependencyId, DependencyStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dependency {DependencyId} raised as a risk")]
    private partial void LogRisk(string dependencyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action for dependency {DependencyId} refused: not a dependency this channel sees")]
    private partial void LogNotFound(string dependencyId);
}
