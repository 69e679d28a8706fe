using ArtBot.BotFramework.Hosting;
using ArtBot.Hosting;
using ArtBot.Features.Common;
using ArtBot.Hosting.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// The ART room's Teams SSO is the only authentication scheme; ASP.NET Core would make a lone scheme the default and run
// it on every request (a refused Bot Framework token, an exception and a log line per ballot). No default scheme: a
// scheme runs only where an endpoint's policy names it.
AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);

var builder = WebApplication.CreateBuilder(args);
builder.AddArtBotTelemetry();
builder.Services.AddArtBot(builder.Configuration);

var app = builder.Build();

// App-wide middleware: only these two (routing and the endpoints are added by WebApplication). With no default scheme
// they do nothing for /api/messages, whose Bot Framework token is checked inside the bot endpoint.
app.UseAuthentication();
app.UseAuthorization();

// Everything else is scoped to the paths of its feature (IEndpointFeature.Paths): the ART room's framing, pages and
// Accept-Language run for /room and /api/room only.
app.UseEndpointFeatures();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapBotEndpoint("/api/messages");
app.MapEndpointFeatures();
app.MapGet("/", () => "ArtBot is running. Teams talks to POST /api/messages.");

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
