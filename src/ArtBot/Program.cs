using ArtBot.BotFramework.Hosting;
using ArtBot.Hosting;
using ArtBot.Features.Room;
using ArtBot.Hosting.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.AddArtBotTelemetry();
builder.Services.AddArtBot(builder.Configuration);

var app = builder.Build();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapBotEndpoint("/api/messages");
app.UseArtRoom();
app.MapGet("/", () => "ArtBot is running. Teams talks to POST /api/messages.");

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
