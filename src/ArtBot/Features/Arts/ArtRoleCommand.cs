using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Arts;

/// <summary>
/// <c>art rte add|remove @person</c>, <c>art bo add|remove @person</c> and <c>art pm add|remove @person</c>: RTEs change
/// who the RTEs are (never to nobody), who the Business Owners are and who the Product Managers are.
/// </summary>
public static class ArtRoleCommand
{
    /// <summary>
    /// A role people hold in an ART: its word in the command, the answers that name it (resource texts, read when
    /// answering: who may change it, someone added, someone removed), how it is read and changed, and whether it may be
    /// left with nobody.
    /// </summary>
    public sealed record Role(
        string Word, Func<string> RteOnly, Func<string> Added, Func<string> Removed,
        Func<Art, IReadOnlyList<Person>> Holders, Func<Art, IReadOnlyList<Person>, Art> WithHolders, bool NeverEmpty);

    public static readonly Role Rte = new(
        "rte", () => ArtStrings.RteOnlyChangeRtes, () => ArtStrings.RoleRteAdded, () => ArtStrings.RoleRteRemoved,
        art => art.Rtes, (art, people) => art with { Rtes = people }, NeverEmpty: true);

    public static readonly Role BusinessOwner = new(
        "bo", () => ArtStrings.RteOnlyChangeBusinessOwners, () => ArtStrings.RoleBusinessOwnerAdded, () => ArtStrings.RoleBusinessOwnerRemoved,
        art => art.BusinessOwners, (art, people) => art with { BusinessOwners = people }, NeverEmpty: false);

    public static readonly Role ProductManager = new(
        "pm", () => ArtStrings.RteOnlyChangeProductManagers, () => ArtStrings.RoleProductManagerAdded, () => ArtStrings.RoleProductManagerRemoved,
        art => art.ProductManagers, (art, people) => art with { ProductManagers = people }, NeverEmpty: false);

    public static async Task RunAsync(ArtTurn turn, Role role, string arguments, CancellationToken cancellationToken)
    {
        var (verb, _) = CommandRouter.Split(arguments);
        var mentioned = turn.Activity.Entities?
            .Where(e => e.Type == "mention" && e.Mentioned?.Id is { Length: > 0 } id && id != turn.Activity.Recipient?.Id)
            .Select(e => e.Mentioned!)
            .FirstOrDefault();
        if (verb is not ("add" or "remove") || mentioned is null)
        {
            await turn.SendAsync(Localized.Format(ArtStrings.RoleUsage, role.Word), cancellationToken);
            return;
        }

        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            await turn.SendAsync(CommonStrings.NotInAnArt, cancellationToken);
            return;
        }

        if (!turn.IsRte(membership.Art))
        {
            await turn.SendAsync(ArtTurn.OnlyRtes(membership.Art, role.RteOnly()), cancellationToken);
            return;
        }

        var person = await ResolveAsync(turn, mentioned, cancellationToken);
        string? refusal = null;
        var saved = await ArtUpdate.ApplyAsync(turn, membership.Art.Id, art =>
        {
            var others = role.Holders(art).Where(r => r.Id != person.Id && r.Id != mentioned.Id).ToList();
            refusal = role.NeverEmpty && verb == "remove" && others.Count == 0 ? ArtStrings.RoleLastRte : null;
            return refusal is not null ? art : role.WithHolders(art, verb == "add" ? [.. others, person] : others);
        }, cancellationToken);

        var name = person.Name ?? ArtStrings.RolePersonFallback;
        await turn.SendAsync(
            refusal ?? (saved is null ? CommonStrings.NotInAnArt
                : Localized.Format(verb == "add" ? role.Added() : role.Removed(), name, saved.Name)),
            cancellationToken);
    }

    /// <summary>The mentioned person with their Entra object id when Teams gives it (RTE checks use it first).</summary>
    private static async Task<Person> ResolveAsync(ArtTurn turn, ChannelAccount mentioned, CancellationToken cancellationToken)
    {
        if (mentioned.AadObjectId is { Length: > 0 } aad)
        {
            return new Person(aad, mentioned.Name);
        }

        var member = await turn.Turn.Connector.GetConversationMemberAsync(
            turn.Activity.ServiceUrl!, turn.TenantId, turn.ConversationId, mentioned.Id!, cancellationToken);
        return member.IsSuccess && member.Value!.AadObjectId is { Length: > 0 } id
            ? new Person(id, member.Value.Name ?? mentioned.Name)
            : new Person(mentioned.Id!, mentioned.Name);
    }
}
