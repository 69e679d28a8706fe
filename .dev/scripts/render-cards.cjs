// Renders Adaptive Cards with the official renderer (npm `adaptivecards` 3.0.6) in headless Chromium, the way a
// Teams client draws them, in each given theme (a host config), screenshots each card and checks its colour contrast
// with axe-core (rule color-contrast: 4.5:1 for normal text, 3:1 for large).
//   node render-cards.cjs <cards.json> <out dir> <theme>=<host config.json> [<theme>=<host config.json> ...]
// <cards.json>: [{ "name": "vote-closed", "card": { ...AdaptiveCard... } }, ...]. Writes <out dir>/<name>-<theme>.png
// and prints one line per contrast problem, then "N card(s) x M theme(s) rendered, P contrast problem(s)".
// Exit 0 when there is no problem, 1 when there are, 2 on bad input.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const [cardsFile, outDir, ...themeArgs] = process.argv.slice(2);
if (!cardsFile || !outDir || themeArgs.length === 0) {
  console.error("usage: render-cards.cjs <cards.json> <out dir> <theme>=<host config.json> ...");
  process.exit(2);
}
const cards = JSON.parse(fs.readFileSync(cardsFile, "utf8"));
const themes = themeArgs.map((arg) => {
  const [name, file] = arg.split("=");
  return { name, hostConfig: JSON.parse(fs.readFileSync(file, "utf8")) };
});
fs.mkdirSync(outDir, { recursive: true });

const adaptiveCards = require.resolve("adaptivecards/dist/adaptivecards.js");
const axe = require.resolve("axe-core/axe.min.js");

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  let problems = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 560, height: 800 } });
    await page.setContent("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>cards</title></head><body style='margin:0'><main id='host' style='width:520px;padding:20px'></main></body></html>");
    await page.addScriptTag({ path: adaptiveCards });
    await page.addScriptTag({ path: axe });
    // Teams renders the Markdown subset cards use (bold, italics, line breaks); the renderer leaves that to its host.
    await page.evaluate(() => {
      AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        // Escaped characters (\*) stay literal: set aside before the markup is read, put back after.
        result.outputHtml = escaped
          .replace(/\\([*_`])/g, (_, c) => `\u0000${c.charCodeAt(0)}\u0000`)
          .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
          .replace(/(^|\s)_(.+?)_(?=\s|$)/g, "$1<em>$2</em>")
          .replace(/`([^`]+)`/g, "<code>$1</code>")
          .replace(/\n/g, "<br>")
          .replace(/\u0000(\d+)\u0000/g, (_, code) => String.fromCharCode(Number(code)));
        result.didProcess = true;
      };
    });
    for (const theme of themes) {
      for (const { name, card } of cards) {
        const rendered = await page.evaluate(({ card, hostConfig }) => {
          const host = document.getElementById("host");
          host.innerHTML = "";
          host.style.background = hostConfig.containerStyles.default.backgroundColor;
          const adaptive = new AdaptiveCards.AdaptiveCard();
          adaptive.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
          adaptive.parse(card);
          const element = adaptive.render();
          if (!element) return false;
          // Buttons as Teams draws them: the theme's text on its emphasis background, not the browser's default grey.
          for (const button of element.querySelectorAll("button")) {
            button.style.color = hostConfig.containerStyles.default.foregroundColors.default.default;
            button.style.background = hostConfig.containerStyles.emphasis.backgroundColor;
            button.style.border = "1px solid " + hostConfig.separator.lineColor;
          }
          for (const input of element.querySelectorAll("input, textarea, select")) {
            input.style.color = hostConfig.containerStyles.default.foregroundColors.default.default;
            input.style.background = hostConfig.containerStyles.default.backgroundColor;
          }
          host.appendChild(element);
          return true;
        }, { card, hostConfig: theme.hostConfig });
        if (!rendered) {
          console.log(`FAIL ${name} (${theme.name}): the renderer drew nothing`);
          problems++;
          continue;
        }
        await page.locator("#host").screenshot({ path: path.join(outDir, `${name}-${theme.name}.png`) });
        const violations = await page.evaluate(async () =>
          (await axe.run(document.getElementById("host"), { runOnly: { type: "rule", values: ["color-contrast"] } })).violations);
        for (const violation of violations) {
          for (const node of violation.nodes) {
            problems++;
            console.log(`FAIL ${name} (${theme.name}): ${node.any.map((a) => a.message).join("; ")} | ${node.html.slice(0, 120)}`);
          }
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${cards.length} card(s) x ${themes.length} theme(s) rendered, ${problems} contrast problem(s)`);
  process.exit(problems === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(2);
});
