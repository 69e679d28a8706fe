using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;
using ArtBot.Features.Demos;
using ArtBot.Features.Review;

namespace ArtBot.Features.Improvements;

/// <summary>
/// <c>inspect start [dots]</c> shows the quantitative review (in an ART), then opens a problem-solving workshop card
/// for the current PI (with last PI's items first);
/// <c>improve &lt;problem&gt;</c> adds a problem to the open workshop of the conversation.
/// </summary>
public sealed partial class WorkshopCommands(
    IArtStore arts, IWorkshopStore workshops, IImprovementStore improvements, SharedWorkshopCardUpdater sharedCards, TimeProvider time,
    ILogger<WorkshopCommands> logger, ReviewViews quantitativeReview, IntegrationProblemOffer integrationProblems) : IBotFeature
{
    public const string InspectName = "inspect";
    public const string ImproveName = "improve";

    public void Register(FeatureTable table) => table
        .Command(
            InspectName,
            () => ImprovementStrings.CommandInspectUsage,
            () => ImprovementStrings.CommandInspectDescription,
            InspectAsync)
        .Command(ImproveName, () => ImprovementStrings.CommandImproveUsage, () => ImprovementStrings.CommandImproveDescription, ImproveAsync);

    private async Task InspectAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (sub, rest) = CommandRouter.Split(arguments);
        if (sub != "start")
        {
            await turn.SendAsync(Activity.CreateMessage(ImprovementStrings.ErrorInspectUsage), cancellationToken);
            return;
        }

        var dots = DotRules.DefaultDots;
        if (rest.Length > 0 && !DotRules.TryParseCount(rest, DotRules.MaxDots, out dots))
        {
            await turn.SendAsync(Activity.CreateMessage(Localized.Format(ImprovementStrings.ErrorInvalidDots, DotRules.MaxDots)), cancellationToken);
            return;
        }

        var activity = turn.Activity;
        var place = await ImprovementPlace.ResolveAsync(activity, arts, cancellationToken);
        if (!place.MayRun(null))
        {
            await turn.SendAsync(Activity.CreateMessage(
                Localized.Format(ImprovementStrings.ErrorStartRte, PlainText.EscapeMarkdown(place.Art!.Name))), cancellationToken);
            return;
        }

        var id = ImprovementIds.Workshop(place.TenantId, place.ConversationId, activity.Id ?? Guid.NewGuid().ToString("N"));
        var latest = await workshops.FindLatestAsync(place.TenantId, place.ConversationId, cancellationToken);
        if (latest?.Id == id)
        {
            return; // a redelivery of the same command: the workshop exists and its card was posted
        }

        if (latest is { IsClosed: false })
        {
            await turn.SendAsync(Activity.CreateMessage(ImprovementStrings.ErrorWorkshopOpen), cancellationToken);
            return;
        }

        var items = await improvements.ListAsync(place.Scope, cancellationToken);
        var review = ImprovementRules.ForReview(items, place.Pi, latest?.Id)
            .Select(i => new ReviewedItem(i.Id, i.Title, i.Status, i.OwnerName, i.ExpectedOutcome, i.CarriedFromPi)).ToList();
        var workshop = new Workshop
        {
            Id = id,
            Scope = place.Scope,
            ConversationId = place.ConversationId,
            PostedConversationId = place.PostedConversationId,
            ServiceUrl = activity.ServiceUrl!,
            Pi = place.Pi,
            DotsPerPerson = dots,
            StarterId = place.ActorId ?? "unknown",
            StarterName = place.ActorName,
            CreatedAt = time.GetUtcNow(),
            Review = review,
            Locale = ArtLocale.ForCard(place.Art),
        };
        if (!await workshops.CreateAsync(workshop, cancellationToken))
        {
            return;
        }

        if (place.Art is { } art)
        {
            // I&A opens with the quantitative review (the ART's trends and spread), then the workshop.
            await turn.SendAsync(Activity.CreateMessage(attachments: (await quantitativeReview.CardAsync(art, null, cancellationToken)).ToAttachment()), cancellationToken);
        }

        // Open integration problems of the System Demos join the problem list, to be voted on like any other.
        var offered = await integrationProblems.OfferAsync(workshop, place.Art, new Person(place.ActorId ?? "unknown", place.ActorName), cancellationToken);
        var card = SharedWorkshopCardUpdater.Shared(new WorkshopState(workshop, offered, []));
        var outcome = await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
        {
            await workshops.SetActivityIdAsync(workshop.Id, activityId, cancellationToken);
        }
        else
        {
            LogNotPosted(workshop.Id, outcome.Kind.ToString());
        }
    }

    private async Task ImproveAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var check = ImprovementRules.CheckProblem(arguments);
        if (check.Text is not { } text)
        {
            await turn.SendAsync(Activity.CreateMessage(check.Error), cancellationToken);
            return;
        }

        var activity = turn.Activity;
        var place = await ImprovementPlace.ResolveAsync(activity, arts, cancellationToken);
        var latest = await workshops.FindLatestAsync(place.TenantId, place.ConversationId, cancellationToken);
        if (latest is null || latest.IsClosed)
        {
            await turn.SendAsync(Activity.CreateMessage(ImprovementStrings.ErrorNoWorkshop), cancellationToken);
            return;
        }

        var state = await workshops.GetStateAsync(latest.Id, cancellationToken);
        var problem = new WorkshopProblem(
            ImprovementIds.Problem(latest.Id, activity.Id ?? Guid.NewGuid().ToString("N")), text, place.ActorName,
            time.GetUtcNow());
        if (state is not null && state.Problems.All(p => p.Id != problem.Id) && state.Problems.Count >= DotRules.MaxProblems)
        {
            await turn.SendAsync(Activity.CreateMessage(Localized.Format(ImprovementStrings.ErrorTooManyProblemsVote, DotRules.MaxProblems)), cancellationToken);
            return;
        }

        await workshops.AddProblemAsync(latest, problem, cancellationToken);
        sharedCards.Schedule(latest.Id);
        await turn.SendAsync(Activity.CreateMessage(Localized.Format(ImprovementStrings.NoticeAddedProblem, text)), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of workshop {WorkshopId} was not posted: {Kind}")]
    private partial void LogNotPosted(string workshopId, string kind);
}
