namespace ArtBot.BotFramework.Routing;

/// <summary>A feature's Universal Action verbs. Every registered implementation is mapped into one <see cref="CardActionRouter"/>.</summary>
public interface ICardActions
{
    CardActionRouter Map(CardActionRouter router);
}
