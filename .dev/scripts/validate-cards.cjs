// Checks Adaptive Cards with the official renderer (npm `adaptivecards` 3.0.6), the way Teams would read them.
//   node validate-cards.cjs <cards.json>
// <cards.json> holds a JSON array of cards (a single card object is accepted too). Each card must be an
// AdaptiveCard of version 1.5 at most (the highest Teams renders) that the renderer parses under schema 1.5
// without a single event (unknown element or action types, invalid property values, ...) and whose
// properties it validates without an issue (duplicate ids, missing required values, ...).
// Prints one line per problem and a summary; exits 0 when there is none, 1 when there are, 2 on bad input (no file, not JSON, no cards).
"use strict";
const fs = require("node:fs");
const AC = require("adaptivecards/dist/adaptivecards.js");

const MAX_VERSION = new AC.Version(1, 5);

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: validate-cards.cjs <cards.json>");
  process.exit(2);
}

let cards;
try {
  cards = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (error) {
  console.error(`cannot read ${file}: ${error.message}`);
  process.exit(2);
}
if (!Array.isArray(cards)) {
  cards = [cards];
}
if (cards.length === 0) {
  console.error(`${file} holds no cards`);
  process.exit(2);
}

const problems = [];
const report = (index, kind, message) => problems.push(`card ${index}: ${kind}: ${message}`);

function describe(event) {
  const kind = AC.ValidationEvent[event.event] ?? `event ${event.event}`;
  const source = event.source && event.source.getJsonTypeName ? ` (${event.source.getJsonTypeName()})` : "";
  return [kind, `${event.message}${source}`];
}

cards.forEach((json, index) => {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    report(index, "NotAnObject", "a card must be a JSON object");
    return;
  }
  if (json.type !== "AdaptiveCard") {
    report(index, "WrongType", `type is ${JSON.stringify(json.type)}, not "AdaptiveCard"`);
  }
  const version = typeof json.version === "string" ? AC.Version.parse(json.version, new AC.SerializationContext()) : undefined;
  if (!version || !version.isValid) {
    report(index, "InvalidVersion", `version ${JSON.stringify(json.version)} is not a valid version`);
  } else if (version.compareTo(MAX_VERSION) > 0) {
    report(index, "VersionTooHigh", `version ${json.version} is above ${MAX_VERSION.toString()}, the highest Teams renders`);
  }

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(MAX_VERSION);
  try {
    card.parse(json, context);
  } catch (error) {
    report(index, "ParseError", error.message);
    return;
  }
  for (let i = 0; i < context.eventCount; i++) {
    report(index, ...describe(context.getEventAt(i)));
  }

  const validation = card.validateProperties();
  for (const event of validation.validationEvents) {
    report(index, ...describe(event));
  }
});

for (const problem of problems) {
  console.log(`FAIL ${problem}`);
}
console.log(`${cards.length} card(s) checked, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
