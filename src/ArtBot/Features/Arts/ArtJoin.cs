using ArtBot.Domain.Arts;

namespace ArtBot.Features.Arts;

/// <summary>Joins the turn's channel to an ART as a team, and says what happened.</summary>
public static class ArtJoin
{
    public static async Task<string> JoinAsync(ArtTurn turn, Art art, string teamName, CancellationToken cancellationToken)
    {
        if (await turn.FindArtAsync(cancellationToken) is { Team: null } home)
        {
            return home.Art.Id == art.Id
                ? $"This is the home channel of {art.Name}. Each team joins from its own channel."
                : $"This channel is the home of {home.Art.Name}; a channel can be in one ART only.";
        }

        var activity = turn.Activity;
        var team = new ArtTeam
        {
            TenantId = turn.TenantId,
            ArtId = art.Id,
            ConversationId = turn.ConversationId,
            TeamName = teamName,
            ServiceUrl = activity.ServiceUrl!,
            TeamsTeamId = activity.ChannelData?.Team?.Id,
            AadGroupId = activity.ChannelData?.Team?.AadGroupId,
            JoinedBy = turn.Actor,
            JoinedAt = turn.Now,
        };

        return await turn.Store.JoinAsync(team, cancellationToken) switch
        {
            JoinResult.Joined => $"Team {teamName} joined {art.Name}. Its ART sync check-ins will be posted here: {ArtCards.Schedule(art.Sync)}.",
            JoinResult.AlreadyJoined => $"This channel is team {teamName} of {art.Name} (details refreshed).",
            _ => "This channel already belongs to another ART; a channel can be in one ART only.",
        };
    }
}
