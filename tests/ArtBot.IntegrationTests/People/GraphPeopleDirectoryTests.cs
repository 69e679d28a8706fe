using ArtBot.Tests.Shared;
using System.Net;
using ArtBot.Features.People;

namespace ArtBot.IntegrationTests.People;

public sealed class GraphPeopleDirectoryTests
{
    [Fact]
    public async Task Team_members_are_the_user_members_of_the_group_across_pages()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.AddGroup(
            "g1",
            FakeGraphServer.User("u1", "Ada Lovelace", "ada@contoso.com"),
            FakeGraphServer.Device("d1"),
            FakeGraphServer.User("u2", "Grace Hopper", mail: null, upn: "grace@contoso.onmicrosoft.com"),
            FakeGraphServer.NestedGroup("g-nested"),
            FakeGraphServer.User("u3", "Alan Turing", "alan@contoso.com"));
        using var directory = h.Create();

        var people = await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);

        Assert.True(directory.UsesGraph);
        Assert.Equal(["u1", "u2", "u3"], people.Select(p => p.Id));
        Assert.Equal(["Ada Lovelace", "Grace Hopper", "Alan Turing"], people.Select(p => p.Name));
        Assert.Equal(["ada@contoso.com", "grace@contoso.onmicrosoft.com", "alan@contoso.com"], people.Select(p => p.Email));
        var pages = h.Server.Requests.Where(r => r.Path.StartsWith("/groups/g1/members", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Contains("$select=id,displayName,mail,userPrincipalName", Uri.UnescapeDataString(pages[0].Path), StringComparison.Ordinal);
        Assert.Contains("$top=999", Uri.UnescapeDataString(pages[0].Path), StringComparison.Ordinal);
        Assert.Contains("$skiptoken=2", pages[1].Path, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=4", pages[2].Path, StringComparison.Ordinal);
        Assert.Equal(0, h.Connector.Handler.Count);
    }

    [Fact]
    public async Task The_token_is_asked_for_the_Graph_scope_sent_as_bearer_and_never_logged()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.AddGroup("g1", FakeGraphServer.User("u1", "Ada"));
        h.Server.Fail("/groups/g2", HttpStatusCode.Forbidden);
        h.Server.SetAutomaticReplies("u1", "alwaysEnabled");
        h.Server.Fail("/users/u2", HttpStatusCode.Forbidden);
        using var directory = h.Create();

        await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        await directory.GetTeamMembersAsync(PeopleDoubles.Team("g2"), CancellationToken.None);
        await directory.GetOutOfOfficeAsync(["u1", "u2"], CancellationToken.None);

        Assert.NotEmpty(h.Credential.Requests);
        Assert.All(h.Credential.Requests, scopes => Assert.Equal(["https://graph.microsoft.com/.default"], scopes));
        var outer = h.Server.Requests.Where(r => r.Batch is null).ToList();
        Assert.Equal(3, outer.Count);
        Assert.All(outer, r => Assert.Equal("Bearer " + GraphCredential.Token, r.Authorization));
        Assert.NotEmpty(h.Log.Lines);
        Assert.DoesNotContain(h.Log.Lines, l => l.Text.Contains("graph-secret-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rosters_are_cached_for_the_cache_duration()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.AddGroup("g1", FakeGraphServer.User("u1", "Ada"));
        using var directory = h.Create();

        await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        h.Server.AddGroup("g1", FakeGraphServer.User("u1", "Ada"), FakeGraphServer.User("u9", "Newcomer"));
        h.Time.Advance(h.Options.CacheDuration - TimeSpan.FromSeconds(1));
        var cached = await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var fresh = await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);

        Assert.Equal(["u1"], cached.Select(p => p.Id));
        Assert.Equal(["u1", "u9"], fresh.Select(p => p.Id));
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task A_throttled_members_page_is_retried_after_its_Retry_After()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.AddGroup("g1", FakeGraphServer.User("u1", "Ada"), FakeGraphServer.User("u2", "Grace"), FakeGraphServer.User("u3", "Alan"));
        h.Server.ThrottleOnce("/groups/g1/members", retryAfterSeconds: 3);
        using var directory = h.Create();

        var reading = directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        await Task.WhenAny(h.Time.WhenTimersDueInAsync(TimeSpan.FromSeconds(3)), reading).WithinDeadline("the throttled page waits");
        h.Time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        Assert.Single(h.Server.Requests);
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var people = await reading.WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(["u1", "u2", "u3"], people.Select(p => p.Id));
        Assert.Equal(3, h.Server.Requests.Count); // the throttled first page, then both pages
        Assert.Equal(0, h.Connector.Handler.Count);
    }

    [Fact]
    public async Task A_failing_group_is_tried_once_per_retry_of_the_one_pipeline_then_falls_back()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.AddGroup("g1", FakeGraphServer.User("u1", "Ada"));
        h.Server.Fail("/groups/g1/members", HttpStatusCode.ServiceUnavailable);
        h.Connector.Handler.Respond(HttpStatusCode.OK, """{"members":[{"id":"29:1","name":"Ada","aadObjectId":"u1"}]}""");
        using var directory = h.Create();

        var reading = directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);
        for (var retry = 1; retry <= 3 && !reading.IsCompleted; retry++)
        {
            // Each failed attempt parks the call on its backoff (seconds); only that is moved past, never an attempt's 30 s timeout.
            await Task.WhenAny(h.Time.WhenTimerDueWithinAsync(TimeSpan.FromSeconds(10)), reading).WithinDeadline($"retry {retry} waits on its backoff");
            if (!reading.IsCompleted)
            {
                h.Time.Advance(h.Time.NextTimerDueIn!.Value);
            }
        }

        var people = await reading.WaitAsync(ConnectorHarness.Deadline);

        // The pipeline's 1 + 3 attempts, not the SDK's retry handler's on top of them (4 × 4).
        Assert.Equal(4, h.Server.Requests.Count(r => r.Path.StartsWith("/groups/g1/members", StringComparison.Ordinal)));
        Assert.Equal(["29:1"], people.Select(p => p.TeamsUserId));
        Assert.Equal(1, h.Connector.Handler.Count);
    }

    [Fact]
    public async Task A_members_page_asking_to_wait_longer_than_allowed_is_not_waited_for()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Options.MaxRetryAfter = TimeSpan.FromSeconds(2);
        h.Server.AddGroup("g1", FakeGraphServer.User("u1", "Ada"));
        h.Server.ThrottleOnce("/groups/g1/members", retryAfterSeconds: 3);
        h.Connector.Handler.Respond(HttpStatusCode.OK, """{"members":[{"id":"29:1","name":"Ada","aadObjectId":"u1"}]}""");
        using var directory = h.Create();

        var people = await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None).WaitAsync(ConnectorHarness.Deadline);

        Assert.Single(h.Server.Requests);
        Assert.Equal(["29:1"], people.Select(p => p.TeamsUserId));
        Assert.Contains(h.Log.Warnings, w => w.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Out_of_office_is_always_enabled_or_now_inside_the_scheduled_window()
    {
        // The fake clock reads Monday 2026-01-05 09:00 UTC.
        await using var h = await GraphHarness.StartAsync();
        h.Server.SetAutomaticReplies("always", "alwaysEnabled");
        h.Server.SetAutomaticReplies("in-window", "scheduled", ("2026-01-05T08:00:00.0000000", "UTC"), ("2026-01-09T17:00:00.0000000", "UTC"));
        h.Server.SetAutomaticReplies("in-window-pacific", "scheduled", ("2026-01-05T00:30:00.0000000", "Pacific Standard Time"), ("2026-01-05T02:00:00.0000000", "Pacific Standard Time"));
        h.Server.SetAutomaticReplies("later", "scheduled", ("2026-01-05T09:30:00.0000000", "UTC"), ("2026-01-06T00:00:00.0000000", "UTC"));
        h.Server.SetAutomaticReplies("ended", "scheduled", ("2026-01-01T00:00:00.0000000", "UTC"), ("2026-01-05T09:00:00.0000000", "UTC"));
        h.Server.SetAutomaticReplies("disabled", "disabled", ("2026-01-05T08:00:00.0000000", "UTC"), ("2026-01-09T17:00:00.0000000", "UTC"));
        h.Server.Fail("/users/forbidden", HttpStatusCode.Forbidden);
        using var directory = h.Create();

        var away = await directory.GetOutOfOfficeAsync(
            ["always", "in-window", "in-window-pacific", "later", "ended", "disabled", "forbidden", "no-mailbox", "always"], CancellationToken.None);

        Assert.Equal(["always", "in-window", "in-window-pacific"], away.Order(StringComparer.Ordinal));
        var batches = h.Server.Requests.Where(r => r.Batch is null).ToList();
        Assert.Single(batches);
        Assert.Equal("/$batch", batches[0].Path);
        Assert.Equal(8, h.Server.Requests.Count(r => r.Batch == 1));
        Assert.All(h.Server.Requests.Where(r => r.Batch == 1), r => Assert.Contains("/mailboxSettings", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_people_are_read_in_batches_of_twenty()
    {
        await using var h = await GraphHarness.StartAsync();
        var ids = Enumerable.Range(1, 45).Select(i => $"user-{i:00}").ToList();
        foreach (var id in ids)
        {
            h.Server.SetAutomaticReplies(id, id.EndsWith('7') ? "alwaysEnabled" : "disabled");
        }

        using var directory = h.Create();

        var away = await directory.GetOutOfOfficeAsync(ids, CancellationToken.None);

        Assert.Equal(["user-07", "user-17", "user-27", "user-37"], away.Order(StringComparer.Ordinal));
        Assert.Equal(3, h.Server.Requests.Count(r => r.Path == "/$batch"));
        Assert.Equal([20, 20, 5], h.Server.Requests.Where(r => r.Batch is not null).GroupBy(r => r.Batch).Select(g => g.Count()));
    }

    [Fact]
    public async Task A_throttled_batch_item_is_read_again_after_its_Retry_After()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.SetAutomaticReplies("u1", "alwaysEnabled");
        h.Server.SetAutomaticReplies("u2", "alwaysEnabled");
        h.Server.ThrottleOnce("/users/u2/mailboxSettings", retryAfterSeconds: 7);
        using var directory = h.Create();

        var reading = directory.GetOutOfOfficeAsync(["u1", "u2"], CancellationToken.None);
        // The wait itself (a timer due in exactly the 7 s asked for), not just any new timer: the harness's own (token
        // refresh, rate limits) can be scheduled meanwhile, and moving the clock before the wait starts would stretch it.
        await Task.WhenAny(h.Time.WhenTimersDueInAsync(TimeSpan.FromSeconds(7)), reading).WithinDeadline("the throttled item waits");
        Assert.False(reading.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(reading.IsCompleted);
        Assert.Equal(1, h.Server.Requests.Count(r => r.Path == "/$batch"));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var away = await reading.WaitAsync(ConnectorHarness.Deadline);

        Assert.Equal(["u1", "u2"], away.Order(StringComparer.Ordinal));
        var second = h.Server.Requests.Where(r => r.Batch == 2).ToList();
        Assert.Single(second);
        Assert.Contains("/users/u2/", second[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cached_settings_are_judged_again_against_the_clock()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.SetAutomaticReplies("u1", "scheduled", ("2026-01-05T09:02:00.0000000", "UTC"), ("2026-01-05T09:04:00.0000000", "UTC"));
        using var directory = h.Create();

        var before = await directory.GetOutOfOfficeAsync(["u1"], CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(3));
        var during = await directory.GetOutOfOfficeAsync(["u1"], CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await directory.GetOutOfOfficeAsync(["u1"], CancellationToken.None);

        Assert.Empty(before);
        Assert.Equal(["u1"], during);
        Assert.Empty(after);
        Assert.Equal(1, h.Server.Requests.Count(r => r.Path == "/$batch"));
    }

    [Fact]
    public async Task Forbidden_and_missing_mailboxes_count_as_not_away_and_are_not_asked_again_at_once()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.Fail("/users/u1", HttpStatusCode.Forbidden);
        using var directory = h.Create();

        var first = await directory.GetOutOfOfficeAsync(["u1", "u2"], CancellationToken.None);
        var second = await directory.GetOutOfOfficeAsync(["u1", "u2"], CancellationToken.None);

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Equal(1, h.Server.Requests.Count(r => r.Path == "/$batch"));
    }

    [Fact]
    public async Task A_team_without_a_readable_group_gets_the_connector_roster()
    {
        await using var h = await GraphHarness.StartAsync();
        h.Server.Fail("/groups/g-forbidden", HttpStatusCode.Forbidden);
        const string Roster = """{"members":[{"id":"29:1","name":"Ada","aadObjectId":"u1","email":"ada@contoso.com"}]}""";
        h.Connector.Handler.Respond(HttpStatusCode.OK, Roster).Respond(HttpStatusCode.OK, Roster);
        using var directory = h.Create();

        var noGroup = await directory.GetTeamMembersAsync(PeopleDoubles.Team(groupId: null), CancellationToken.None);
        var forbidden = await directory.GetTeamMembersAsync(PeopleDoubles.Team("g-forbidden") with { ConversationId = "19:other@thread.tacv2" }, CancellationToken.None);

        Assert.Equal("u1", Assert.Single(noGroup).Id);
        Assert.Equal("29:1", Assert.Single(forbidden).TeamsUserId);
        Assert.Equal(2, h.Connector.Handler.Count);
        Assert.Contains(h.Log.Lines, l => l.Text.Contains("g-forbidden", StringComparison.Ordinal) && l.Text.Contains("403", StringComparison.Ordinal));
    }
}
