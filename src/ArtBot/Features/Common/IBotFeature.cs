namespace ArtBot.Features.Common;

/// <summary>
/// One area's (or concern's) handlers: a class with its dependencies in the constructor that puts its command words,
/// card verbs, invokes and activity handlers in the <see cref="FeatureTable"/>. The area's <c>Add&lt;Area&gt;()</c>
/// registers it with <c>AddBotFeature&lt;T&gt;()</c>; help, the manifest's command list and the routers read the table.
/// </summary>
public interface IBotFeature
{
    void Register(FeatureTable table);
}
