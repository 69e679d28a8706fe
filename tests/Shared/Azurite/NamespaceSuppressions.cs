using System.Diagnostics.CodeAnalysis;

// The shared test support namespace is fixed by the team; "Shared" is only a VB keyword.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:ArtBot.Tests.Shared")]
