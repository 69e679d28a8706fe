namespace ArtBot.Domain.Pulses;

/// <summary>What makes a pulse one: the team of an ART, the PI and the iteration. A second <c>pulse</c> finds the same one.</summary>
public sealed record PulseKey(string TenantId, string ArtId, string Pi, int Iteration, string TeamConversationId);
