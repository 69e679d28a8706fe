namespace ArtBot.Features.People;

/// <summary>A replacement for the network handler under the Graph SDK's handler chain (tests register one).</summary>
public sealed record GraphHttpHandler(HttpMessageHandler Handler);
