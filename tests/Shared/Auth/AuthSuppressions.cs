using System.Diagnostics.CodeAnalysis;

// The shared test-support namespace name is fixed by the test projects' convention; VB's "Shared" keyword is irrelevant here.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:ArtBot.Tests.Shared", Justification = "Test-only namespace shared by both test projects.")]
