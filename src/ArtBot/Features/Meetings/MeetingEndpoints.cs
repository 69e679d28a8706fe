using System.IO.Hashing;
using System.Text.Json;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Ids;
using ArtBot.Domain.Meetings;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using ArtBot.Features.Room;
using ArtBot.Features.Votes;
using ArtBot.Hosting.Telemetry;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Meetings;

/// <summary>
/// The meeting API's handlers (<see cref="MeetingFeature"/> maps them): the side panel's context and vote start, the
/// stage's live vote, the bubble's ballot, the concern page, and the organizer's close, vote again and raise-as-risk.
/// The vote is the channel's vote (same store, rules, anonymity and card); only where it runs differs.
/// </summary>
public sealed partial class MeetingEndpoints(
    MeetingPlaces places,
    MeetingRoles roles,
    MeetingLive live,
    MeetingPages pages,
    IVoteStore votes,
    VoteStateReader reader,
    VoteStarter starter,
    VoteCloser closer,
    SharedVoteCardUpdater sharedCards,
    VoteConcernRisks risks,
    RosterCache rosters,
    IConversationStore conversations,
    IEnumerable<IVoteBallotListener> ballotListeners,
    ConnectorClient connector,
    IMemoryCache cache,
    ArtBotMetrics metrics,
    TimeProvider time,
    IOptions<MeetingOptions> options,
    ILogger<MeetingEndpoints> logger)
{
    public const int MaxMinutes = 480;
    private readonly IVoteBallotListener[] _ballotListeners = [.. ballotListeners];

    public async Task<IResult> ContextAsync(MeetingCaller caller, string? meetingId, string? chatId, HttpRequest request, CancellationToken cancellationToken)
    {
        pages.Saw(request);
        if (await FindAsync(caller, meetingId, chatId, cancellationToken) is not { } found)
        {
            return NotFound(MeetingStrings.ErrorMeetingUnknown);
        }

        return Results.Json(await ContextOfAsync(caller, found.Meeting, found.Role, cancellationToken), MeetingJsonContext.Default.MeetingContext);
    }

    public async Task<IResult> LinkAsync(MeetingCaller caller, LinkRequest body, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, body.Meeting, body.Chat, cancellationToken) is not { } found)
        {
            return NotFound(MeetingStrings.ErrorMeetingUnknown);
        }

        if (found.Meeting.IsLinked)
        {
            return Problem(MeetingStrings.ErrorLinkedAlready, StatusCodes.Status409Conflict);
        }

        var art = (await places.ArtsAsync(caller.TenantId, cancellationToken)).FirstOrDefault(a => a.Id == body.ArtId);
        if (art is null)
        {
            return Problem(MeetingStrings.ErrorUnknownArt, StatusCodes.Status400BadRequest);
        }

        if (!caller.User.IsLocal && !found.Role.MayLink(art, caller.User))
        {
            return Problem(MeetingStrings.ErrorMayNotLink, StatusCodes.Status403Forbidden);
        }

        ArtTeam? team = null;
        if (body.Team is { Length: > 0 } teamName)
        {
            var teams = await places.ArtOfAsync(found.Meeting with { ArtId = art.Id }, cancellationToken);
            team = teams?.Teams.FirstOrDefault(t => string.Equals(t.TeamName, teamName, StringComparison.OrdinalIgnoreCase));
            if (team is null)
            {
                return Problem(MeetingStrings.ErrorUnknownTeam, StatusCodes.Status400BadRequest);
            }
        }

        var linked = await places.LinkAsync(found.Meeting, art, team, cancellationToken);
        if (linked is null)
        {
            return Problem(MeetingStrings.ErrorLinkedAlready, StatusCodes.Status409Conflict);
        }

        LogLinked(art.Id);
        return Results.Json(await ContextOfAsync(caller, linked, found.Role, cancellationToken), MeetingJsonContext.Default.MeetingContext);
    }

    public async Task<IResult> StartAsync(MeetingCaller caller, StartVoteRequest body, HttpRequest request, CancellationToken cancellationToken)
    {
        pages.Saw(request);
        if (await FindAsync(caller, body.Meeting, body.Chat, cancellationToken) is not { } found)
        {
            return NotFound(MeetingStrings.ErrorMeetingUnknown);
        }

        var meeting = found.Meeting;
        if (body.Scope is not ("team" or "art"))
        {
            return Problem(MeetingStrings.ErrorInvalidScope, StatusCodes.Status400BadRequest);
        }

        if (body.Minutes is < 1 or > MaxMinutes)
        {
            return Problem(MeetingStrings.ErrorInvalidMinutes, StatusCodes.Status400BadRequest);
        }

        if (await places.ArtOfAsync(meeting, cancellationToken) is not { } art)
        {
            return Problem(MeetingStrings.ErrorNotLinked, StatusCodes.Status409Conflict);
        }

        if (!found.Role.MayLead(art.Art, caller.User))
        {
            return Problem(found.Role.Note ?? MeetingStrings.ErrorMayNotStart, StatusCodes.Status403Forbidden);
        }

        ArtTeam? team = null;
        if (body.Scope == "team")
        {
            var wanted = meeting.TeamName ?? body.Team;
            team = art.Teams.FirstOrDefault(t => string.Equals(t.TeamName, wanted, StringComparison.OrdinalIgnoreCase));
            if (team is null || (meeting.TeamName is not null && body.Team is { Length: > 0 } asked && !string.Equals(asked, meeting.TeamName, StringComparison.OrdinalIgnoreCase)))
            {
                return Problem(MeetingStrings.ErrorUnknownTeam, StatusCodes.Status400BadRequest);
            }
        }

        // One open vote per team (and one ART vote) per meeting: a second click finds the first instead of starting another.
        var now = await live.MeetingAsync(meeting.TenantId, meeting.MeetingId, cancellationToken);
        var scope = team is null ? VoteScope.Art : VoteScope.Team;
        var round = 0;
        foreach (var voteId in now.VoteIds)
        {
            if (await live.StateAsync(voteId, cancellationToken) is { } state && state.Vote.Scope == scope && (team is null || state.Vote.TeamName == team.TeamName) && state.Vote.PreviousVoteId is null)
            {
                round++;
                if (!state.Vote.IsClosed)
                {
                    return Problem(Localized.Format(MeetingStrings.ErrorVoteAlreadyOpen, team?.TeamName ?? art.Art.Name), StatusCodes.Status409Conflict);
                }
            }
        }

        string question;
        using (ArtLocale.ForCard(art.Art).Use())
        {
            question = body.Question is { } typed && !string.IsNullOrWhiteSpace(typed) ? typed
                : scope == VoteScope.Art ? MeetingStrings.DefaultQuestionArt : MeetingStrings.DefaultQuestionTeam;
        }

        var seed = $"meeting:{meeting.MeetingId}:{scope}:{team?.ConversationId}:{round}";
        var origin = Origin(caller, meeting, new ArtMembership(art.Art, team));
        var voteOptions = new VoteOptions(body.Anonymous, body.HideResults, body.Minutes ?? options.Value.DefaultMinutes, scope);
        var started = await starter.StartAsync(origin, seed, question, voteOptions, null, PostTo(meeting, origin, seed), cancellationToken);
        if (started.Vote is not { } vote)
        {
            return Problem(started.Error!, StatusCodes.Status400BadRequest);
        }

        live.Forget(meeting);
        var view = live.View(new VoteState(vote, [], [], null), await live.MeetingAsync(meeting.TenantId, meeting.MeetingId, cancellationToken), null, canManage: true);
        return Results.Json(view, MeetingJsonContext.Default.LiveVote, statusCode: started.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public async Task<IResult> VoteAsync(MeetingCaller caller, string voteId, HttpContext http, CancellationToken cancellationToken)
    {
        if (await VoteOfAsync(caller, voteId, cancellationToken) is not { } vote)
        {
            return NotFound(VoteStrings.ErrorVoteNotFound);
        }

        if (await live.StateAsync(vote.Id, cancellationToken) is not { } state)
        {
            return NotFound(VoteStrings.ErrorVoteNotFound);
        }

        var now = await live.MeetingAsync(vote.TenantId, vote.MeetingId!, cancellationToken);
        var mine = state.Vote.Anonymous ? null : await reader.MyValueAsync(state, caller.UserId, cancellationToken);
        var view = live.View(state, now, mine, CanManageCached(caller, vote));
        return Tagged(http, view);
    }

    public async Task<IResult> BallotAsync(MeetingCaller caller, string voteId, BallotRequest body, HttpRequest request, CancellationToken cancellationToken)
    {
        pages.Saw(request); // this instance may send the voter's concern prompt, which links to the pages' address
        if (await VoteOfAsync(caller, voteId, cancellationToken) is not { } vote)
        {
            return NotFound(VoteStrings.ErrorVoteNotFound);
        }

        if (body.Value is not { } value || !VoteScale.IsValid(value))
        {
            return Problem(VoteStrings.ErrorInvalidValue, StatusCodes.Status400BadRequest);
        }

        if (vote.IsClosed)
        {
            return Problem(VoteStrings.ErrorVoteClosed, StatusCodes.Status409Conflict);
        }

        var teamsId = rosters.TryGetCached(vote)?.FirstOrDefault(m => string.Equals(m.AadObjectId, caller.UserId, StringComparison.OrdinalIgnoreCase))?.Id;
        VoteState state;
        string receipt;
        try
        {
            (state, receipt) = await reader.CastAsync(vote, caller.UserId, caller.User.Name, teamsId, value, cancellationToken);
        }
        catch (VoteClosedException)
        {
            return Problem(VoteStrings.ErrorVoteClosed, StatusCodes.Status409Conflict);
        }

        metrics.BallotCast(vote.Anonymous);
        sharedCards.Schedule(vote.Id);
        foreach (var listener in _ballotListeners)
        {
            listener.OnBallot(vote, caller.UserId, teamsId, value);
        }

        if (state.Vote.IsClosed)
        {
            // The close race (see VoteCloser): the frozen result says whether exactly this ballot counted.
            var final = await closer.FinalOfAsync(state, cancellationToken);
            if (!final.Final!.HasCounted(receipt))
            {
                return Problem(VoteStrings.NoticeLateNotCounted, StatusCodes.Status409Conflict);
            }

            state = final;
        }

        live.Remember(state);
        var now = await live.MeetingAsync(vote.TenantId, vote.MeetingId!, cancellationToken);
        return Results.Json(live.View(state, now, value, CanManageCached(caller, vote)), MeetingJsonContext.Default.LiveVote);
    }

    public async Task<IResult> CloseAsync(MeetingCaller caller, string voteId, CancellationToken cancellationToken)
    {
        var managed = await ManagedVoteAsync(caller, voteId, cancellationToken);
        if (managed.Vote is null)
        {
            return managed.Error!;
        }

        var (final, _) = await closer.CloseAsync(managed.Vote.Id, time.GetUtcNow(), repairCard: false, cancellationToken);
        live.Remember(final);
        var now = await live.MeetingAsync(final.Vote.TenantId, final.Vote.MeetingId!, cancellationToken);
        return Results.Json(live.View(final, now, null, canManage: true), MeetingJsonContext.Default.LiveVote);
    }

    public async Task<IResult> AgainAsync(MeetingCaller caller, string voteId, CancellationToken cancellationToken)
    {
        var managed = await ManagedVoteAsync(caller, voteId, cancellationToken);
        if (managed is not { Vote: { } vote, Meeting: { } meeting })
        {
            return managed.Error!;
        }

        var state = await reader.ReadFreshAsync(vote.Id, cancellationToken) ?? throw new InvalidOperationException($"Vote {vote.Id} vanished.");
        if (!state.Vote.IsClosed)
        {
            return Problem(VoteStrings.ErrorVoteOpen, StatusCodes.Status409Conflict);
        }

        var final = await closer.FinalOfAsync(state, cancellationToken);
        var art = await places.ArtOfAsync(meeting, cancellationToken);
        var team = art?.Teams.FirstOrDefault(t => t.TeamName == vote.TeamName);
        var origin = Origin(caller, meeting, art is { } a ? new ArtMembership(a.Art, vote.Scope == VoteScope.Team ? team : null) : null);
        var seed = "again:" + vote.Id; // the card's "Vote again" uses the same seed: either way, one next round
        var voteOptions = new VoteOptions(vote.Anonymous, vote.HideResults, vote.DurationMinutes ?? options.Value.DefaultMinutes, vote.Scope);
        var started = await starter.StartAsync(origin, seed, null, voteOptions, final.Vote, PostTo(meeting, origin, seed), cancellationToken);
        live.Forget(meeting);
        var now = await live.MeetingAsync(meeting.TenantId, meeting.MeetingId, cancellationToken);
        return Results.Json(live.View(new VoteState(started.Vote!, [], [], null), now, null, canManage: true), MeetingJsonContext.Default.LiveVote,
            statusCode: started.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public async Task<IResult> ConcernAsync(MeetingCaller caller, string voteId, ConcernRequest body, CancellationToken cancellationToken)
    {
        if (await VoteOfAsync(caller, voteId, cancellationToken) is not { } vote)
        {
            return NotFound(VoteStrings.ErrorVoteNotFound);
        }

        if (vote.IsClosed)
        {
            return Problem(VoteStrings.ErrorConcernClosed, StatusCodes.Status409Conflict);
        }

        var check = VoteRules.CheckConcern(body.Text);
        if (check.Question is not { } text)
        {
            return Problem(check.Error!, StatusCodes.Status400BadRequest);
        }

        var concernId = DerivedIds.FromActivity(vote.TenantId, vote.Id, Guid.NewGuid().ToString("N"));
        await votes.AddConcernAsync(vote, concernId, text, caller.User.Name, cancellationToken);
        sharedCards.Schedule(vote.Id);
        return Results.Json(new ConcernCreated(concernId), MeetingJsonContext.Default.ConcernCreated, statusCode: StatusCodes.Status201Created);
    }

    public async Task<IResult> RiskAsync(MeetingCaller caller, string voteId, string concernId, CancellationToken cancellationToken)
    {
        var managed = await ManagedVoteAsync(caller, voteId, cancellationToken);
        if (managed is not { Vote: { } vote, Meeting: { } meeting })
        {
            return managed.Error!;
        }

        var state = await reader.ReadFreshAsync(vote.Id, cancellationToken) ?? throw new InvalidOperationException($"Vote {vote.Id} vanished.");
        if (state.Concerns.FirstOrDefault(c => c.Id.Length > 0 && c.Id == concernId) is not { } concern)
        {
            return NotFound(VoteStrings.ErrorConcernNotFound);
        }

        var place = await TeamPlaceAsync(caller, meeting, vote, cancellationToken);
        var risk = await risks.RaiseAsync(place, state.Vote, concern, new Person(caller.UserId, caller.User.Name), cancellationToken);
        return Results.Json(new RiskRaised(risk.Id, risk.Title), MeetingJsonContext.Default.RiskRaised);
    }

    /// <summary>
    /// Where a concern's risk is kept and its card posted: the team's channel for a team vote, the ART's channel for the
    /// ART vote, as if raised there (the channel's team id from its installation, as Teams sends it in the channel).
    /// </summary>
    private async Task<Activity> TeamPlaceAsync(MeetingCaller caller, Meeting meeting, Vote vote, CancellationToken cancellationToken)
    {
        var art = await places.ArtOfAsync(meeting, cancellationToken);
        var team = vote.Scope == VoteScope.Team ? art?.Teams.FirstOrDefault(t => t.TeamName == vote.TeamName) : null;
        var channel = team?.ConversationId ?? art?.Art.HomeConversationId ?? ConversationIds.WithoutThread(meeting.ChatId);
        var serviceUrl = team?.ServiceUrl ?? art?.Art.ServiceUrl ?? meeting.ServiceUrl;
        var teamId = team?.TeamsTeamId ?? (await conversations.GetAsync(meeting.TenantId, channel, cancellationToken))?.TeamId;
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = channel, TenantId = meeting.TenantId },
            From = new ChannelAccount { Id = caller.UserId, AadObjectId = caller.UserId, Name = caller.User.Name },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(meeting.TenantId), Team = teamId is null ? null : new TeamInfo { Id = teamId } },
        };
    }

    private async Task<MeetingContext> ContextOfAsync(MeetingCaller caller, Meeting meeting, MeetingRole role, CancellationToken cancellationToken)
    {
        var art = await places.ArtOfAsync(meeting, cancellationToken);
        var mayLead = art is not null && role.MayLead(art.Value.Art, caller.User);
        var teams = art is null ? [] : meeting.TeamName is { } own ? [own] : art.Value.Teams.Where(t => t.UnreachableSince is null).Select(t => t.TeamName).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        IReadOnlyList<LinkableArt>? linkable = null;
        if (art is null && (role.IsOrganizer || role.Note is not null || caller.User.IsLocal))
        {
            var candidates = new List<LinkableArt>();
            foreach (var candidate in await places.ArtsAsync(caller.TenantId, cancellationToken))
            {
                if (caller.User.IsLocal || role.MayLink(candidate, caller.User))
                {
                    var its = await places.ArtOfAsync(meeting with { ArtId = candidate.Id }, cancellationToken);
                    candidates.Add(new LinkableArt(candidate.Id, candidate.Name, [.. its?.Teams.Select(t => t.TeamName) ?? []]));
                }
            }

            linkable = candidates;
        }

        var now = await live.MeetingAsync(meeting.TenantId, meeting.MeetingId, cancellationToken);
        var shown = new List<LiveVote>();
        foreach (var voteId in now.VoteIds.Take(20))
        {
            if (await live.StateAsync(voteId, cancellationToken) is { } state)
            {
                var mine = state.Vote.Anonymous ? null : await reader.MyValueAsync(state, caller.UserId, cancellationToken);
                shown.Add(live.View(state, now, mine, mayLead || state.Vote.CreatorId == caller.UserId));
            }
        }

        return new MeetingContext(
            meeting.MeetingId, art is not null, art?.Art.Name, meeting.TeamName, teams, mayLead, role.Role, mayLead,
            role.Note, linkable, shown);
    }

    private async Task<(Meeting Meeting, MeetingRole Role)?> FindAsync(MeetingCaller caller, string? meetingId, string? chatId, CancellationToken cancellationToken)
    {
        if (meetingId is null || await places.FindAsync(caller.TenantId, meetingId, chatId, verifyWithTeams: !caller.User.IsLocal, cancellationToken) is not { } meeting)
        {
            return null;
        }

        var role = await roles.GetAsync(meeting, caller.User, cancellationToken);
        return role.Participant ? (meeting, role) : null;
    }

    /// <summary>A meeting vote of the caller's tenant that the caller may see: a member of its conversation (cached roster) or a participant.</summary>
    private async Task<Vote?> VoteOfAsync(MeetingCaller caller, string voteId, CancellationToken cancellationToken)
    {
        if (!DerivedIds.IsWellFormed(voteId) || await reader.GetVoteAsync(voteId, cancellationToken) is not { MeetingId: { } meetingId } vote
            || !string.Equals(vote.TenantId, caller.TenantId, StringComparison.Ordinal))
        {
            return null;
        }

        if (caller.User.IsLocal)
        {
            return vote;
        }

        var key = $"meeting-vote-access|{vote.Id}|{caller.UserId}";
        if (cache.TryGetValue(key, out bool allowed))
        {
            return allowed ? vote : null;
        }

        var roster = await rosters.GetAsync(vote, cancellationToken);
        allowed = roster?.Any(m => string.Equals(m.AadObjectId, caller.UserId, StringComparison.OrdinalIgnoreCase)) == true;
        if (!allowed && await places.FindAsync(vote.TenantId, meetingId, null, verifyWithTeams: false, cancellationToken) is { } meeting)
        {
            allowed = (await roles.GetAsync(meeting, caller.User, cancellationToken)).Participant;
        }

        cache.Set(key, allowed, options.Value.RoleCacheTime);
        return allowed ? vote : null;
    }

    /// <summary>A meeting vote the caller may manage: its starter, the meeting's organizer or presenters (or RTEs when Teams cannot say roles).</summary>
    private async Task<(Vote? Vote, Meeting? Meeting, IResult? Error)> ManagedVoteAsync(MeetingCaller caller, string voteId, CancellationToken cancellationToken)
    {
        if (await VoteOfAsync(caller, voteId, cancellationToken) is not { } vote
            || await places.FindAsync(vote.TenantId, vote.MeetingId!, null, verifyWithTeams: false, cancellationToken) is not { } meeting)
        {
            return (null, null, NotFound(VoteStrings.ErrorVoteNotFound));
        }

        if (vote.CreatorId == caller.UserId)
        {
            return (vote, meeting, null);
        }

        var role = await roles.GetAsync(meeting, caller.User, cancellationToken);
        var art = await places.ArtOfAsync(meeting, cancellationToken);
        return role.MayLead(art?.Art, caller.User) ? (vote, meeting, null) : (null, null, Problem(role.Note ?? MeetingStrings.ErrorMayNotStart, StatusCodes.Status403Forbidden));
    }

    /// <summary>Whether the caller manages the vote, from what is known without asking Teams (the stage polls often).</summary>
    private bool CanManageCached(MeetingCaller caller, Vote vote) =>
        caller.User.IsLocal || vote.CreatorId == caller.UserId
        || (cache.TryGetValue($"meeting-role|{vote.TenantId}|{vote.MeetingId}|{caller.UserId}", out MeetingRole? role) && role is { IsPresenter: true });

    private static VoteOrigin Origin(MeetingCaller caller, Meeting meeting, ArtMembership? membership) =>
        new(meeting.TenantId, meeting.ChatId, meeting.ServiceUrl, caller.UserId, null, caller.User.Name, membership) { MeetingId = meeting.MeetingId };

    /// <summary>Posts the vote card to the meeting's chat with the in-meeting alert that opens the ballot page in everyone's meeting window.</summary>
    private Func<Activity, CancellationToken, Task<ConnectorOutcome>> PostTo(Meeting meeting, VoteOrigin origin, string seed)
    {
        var voteId = DerivedIds.FromActivity(origin.TenantId, ConversationIds.WithoutThread(origin.PostedConversationId), seed);
        return (card, ct) =>
        {
            if (pages.TeamsAppId is { } appId && pages.Page("ballot.html", voteId) is { } page)
            {
                var bubble = MeetingBubble.Url(appId, page, MeetingPages.BubbleWidth, MeetingPages.BubbleHeight, MeetingStrings.BubbleTitle, null);
                card = card with { ChannelData = new TeamsChannelData { Notification = MeetingBubble.Alert(bubble) } };
            }
            else
            {
                LogNoAlert();
            }

            return connector.SendToConversationAsync(meeting.ServiceUrl, meeting.TenantId, meeting.ChatId, card, ct);
        };
    }

    /// <summary>The live vote with an ETag of its content; 304 when the poller has it already.</summary>
    private static IResult Tagged(HttpContext http, LiveVote view)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(view with { ServerTime = default }, MeetingJsonContext.Default.LiveVote);
        var etag = "\"" + XxHash64.HashToUInt64(body).ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        return http.Request.Headers.IfNoneMatch.ToString() == etag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Json(view, MeetingJsonContext.Default.LiveVote);
    }

    private static IResult NotFound(string title) => Problem(title, StatusCodes.Status404NotFound);

    private static IResult Problem(string title, int status) => Results.Problem(title: title, statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "A meeting was linked to ART {ArtId}")]
    private partial void LogLinked(string artId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A meeting vote card was posted without the in-meeting alert: set Meetings:TeamsAppId (and Meetings:PublicUrl)")]
    private partial void LogNoAlert();
}
