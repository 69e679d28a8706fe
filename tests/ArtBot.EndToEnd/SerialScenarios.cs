// Each test class starts its own Azurite, bot process, Playground and Chromium. Run side by side on CI's 2 cores,
// the browsers starve and the Playground's UI drops renders (a dialog answer or a channel post that arrived but never
// showed); one at a time they are reliable, and the whole assembly still takes about a minute.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
