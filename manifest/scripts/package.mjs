#!/usr/bin/env node
// Builds the Teams app package (appPackage.zip: manifest.json, color.png, outline.png at the zip root).
//
//   node manifest/scripts/package.mjs --app-id <guid> --host <hostname> [--version 1.0.0]
//        [--out manifest/build/appPackage.zip] [--teams-app-id <guid>] [--sso-app-id <guid>] [--developer-name <name>]
//        [--website-url <url>] [--privacy-url <url>] [--terms-url <url>]
//   node manifest/scripts/package.mjs --check      (validate with dummy values, write nothing)
//
// Steps: fill manifest/manifest.template.json (commandLists generated from manifest/commands.json),
// validate it offline against the Teams schema bundled in @microsoft/app-manifest (.dev/node_modules),
// check the icons (pngjs: sizes; outline white on transparent), write the zip (yazl). Exit code 0 on success,
// 1 when the manifest, commands or icons are invalid, 2 for bad arguments.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const manifestDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(manifestDir, "..");
const SCOPES = ["personal", "team", "groupChat"];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const DUMMY = { appId: "00000000-0000-4000-8000-000000000001", host: "artbot.example.com" };

class UsageError extends Error {}
class PackageError extends Error {}

const USAGE = `usage: node manifest/scripts/package.mjs --app-id <guid> --host <hostname> [--version 1.0.0]
         [--out manifest/build/appPackage.zip] [--teams-app-id <guid>] [--sso-app-id <guid>] [--developer-name <name>]
         [--website-url <url>] [--privacy-url <url>] [--terms-url <url>]
       node manifest/scripts/package.mjs --check`;

function parseArgs(argv) {
  const names = {
    "--app-id": "appId", "--host": "host", "--version": "version", "--out": "out",
    "--teams-app-id": "teamsAppId", "--sso-app-id": "ssoAppId", "--developer-name": "developerName",
    "--website-url": "websiteUrl", "--privacy-url": "privacyUrl", "--terms-url": "termsUrl",
  };
  const options = { check: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--check") { options.check = true; continue; }
    if (arg === "--help" || arg === "-h") { options.help = true; continue; }
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const key = names[flag];
    if (!key) throw new UsageError(`unknown argument '${arg}'`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
    options[key] = value;
  }
  return options;
}

function resolveValues(options) {
  const appId = options.appId ?? (options.check ? DUMMY.appId : undefined);
  const host = options.host ?? (options.check ? DUMMY.host : undefined);
  if (!appId) throw new UsageError("--app-id is required (the bot's Microsoft App ID: the managed identity's client id or the Entra app id)");
  if (!host) throw new UsageError("--host is required (the bot's public host name, e.g. app-artbot-xyz.azurewebsites.net)");
  if (!GUID.test(appId)) throw new UsageError(`--app-id '${appId}' is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  const teamsAppId = options.teamsAppId ?? appId;
  if (!GUID.test(teamsAppId)) throw new UsageError(`--teams-app-id '${teamsAppId}' is not a GUID`);
  if (host.includes("://") || host.includes("/")) throw new UsageError(`--host '${host}' must be a host name only, without scheme or path (e.g. ${DUMMY.host})`);
  if (!HOST.test(host)) throw new UsageError(`--host '${host}' is not a valid host name`);
  // The ART room tab's sign-in (Teams SSO) needs an app registration that exposes an API; a managed identity cannot,
  // so a bot with one names a separate registration here. Its Application ID URI is api://<host>/<its client id>.
  const ssoAppId = options.ssoAppId ?? appId;
  if (!GUID.test(ssoAppId)) throw new UsageError(`--sso-app-id '${ssoAppId}' is not a GUID`);
  const version = options.version ?? "1.0.0";
  if (!SEMVER.test(version)) throw new UsageError(`--version '${version}' must be MAJOR.MINOR.PATCH (e.g. 1.0.0); Teams needs a higher version for every update`);
  const values = {
    APP_ID: appId.toLowerCase(),
    TEAMS_APP_ID: teamsAppId.toLowerCase(),
    HOST_NAME: host.toLowerCase(),
    SSO_APP_ID: ssoAppId.toLowerCase(),
    SSO_RESOURCE: ssoAppId.toLowerCase() === appId.toLowerCase()
      ? `api://${host.toLowerCase()}/botid-${appId.toLowerCase()}`
      : `api://${host.toLowerCase()}/${ssoAppId.toLowerCase()}`,
    APP_VERSION: version,
    DEVELOPER_NAME: options.developerName ?? "ArtBot",
    WEBSITE_URL: options.websiteUrl ?? `https://${host.toLowerCase()}/`,
    PRIVACY_URL: options.privacyUrl ?? `https://${host.toLowerCase()}/privacy`,
    TERMS_URL: options.termsUrl ?? `https://${host.toLowerCase()}/terms`,
  };
  for (const key of ["WEBSITE_URL", "PRIVACY_URL", "TERMS_URL"]) {
    if (!/^https:\/\/[^\s/]+/.test(values[key])) throw new UsageError(`${key.toLowerCase().replace("_", "-")} '${values[key]}' must be an https:// URL`);
  }
  if (values.DEVELOPER_NAME.length === 0 || values.DEVELOPER_NAME.length > 32) throw new UsageError("--developer-name must be 1 to 32 characters");
  return values;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new PackageError(`cannot read ${relative(path)}: ${error.message}`);
  }
}

const relative = (path) => path.startsWith(repoRoot) ? path.slice(repoRoot.length + 1) : path;

/** Reads manifest/commands.json and groups the commands into one command list per scope. */
export function buildCommandLists(commands) {
  if (!Array.isArray(commands) || commands.length === 0) throw new PackageError("commands.json must be a non-empty array");
  const seen = new Set();
  for (const [i, c] of commands.entries()) {
    const where = `commands.json[${i}]`;
    if (typeof c?.command !== "string" || !/^[a-z][a-z0-9 -]*$/.test(c.command)) throw new PackageError(`${where}.command must be lower-case words (got ${JSON.stringify(c?.command)})`);
    if (seen.has(c.command)) throw new PackageError(`${where}: command '${c.command}' is listed twice`);
    seen.add(c.command);
    if (typeof c.title !== "string" || c.title.length === 0 || c.title.length > 32) throw new PackageError(`${where}.title must be 1 to 32 characters`);
    if (typeof c.description !== "string" || c.description.length === 0 || c.description.length > 128) throw new PackageError(`${where}.description must be 1 to 128 characters`);
    if (!Array.isArray(c.scopes) || c.scopes.length === 0 || c.scopes.some((s) => !SCOPES.includes(s))) {
      throw new PackageError(`${where}.scopes must be a non-empty subset of ${SCOPES.join(", ")}`);
    }
  }
  const lists = [];
  for (const scope of SCOPES) {
    const inScope = commands.filter((c) => c.scopes.includes(scope));
    if (inScope.length > 12) throw new PackageError(`Teams shows at most 12 commands a scope; ${scope} has ${inScope.length}`);
    if (inScope.length > 0) lists.push({ scopes: [scope], commands: inScope.map((c) => ({ title: c.title, description: c.description })) });
  }
  return lists;
}

// The languages of the app's name, description, command menu and tab names besides English (manifest/localization/<tag>.json).
export const LANGUAGES = ["de", "fr", "es"];

/**
 * One Teams localization file per language from manifest/localization/<tag>.json: its own keys (name, description,
 * message-extension and tab names) as they are, and every command list entry's title (the command word, which stays
 * English: the bot parses it) and description by index, from the file's "commands" map. Every command must be there.
 */
export function buildLocalization(tag, source, commandLists, schemaVersion) {
  const { commands, ...keys } = source;
  if (!commands || typeof commands !== "object") throw new PackageError(`localization/${tag}.json has no "commands" map`);
  const file = { $schema: `https://developer.microsoft.com/json-schemas/teams/${schemaVersion}/MicrosoftTeams.Localization.schema.json`, ...keys };
  commandLists.forEach((list, l) => list.commands.forEach((command, c) => {
    const description = commands[command.title];
    if (typeof description !== "string" || description.length === 0 || description.length > 128) {
      throw new PackageError(`localization/${tag}.json: commands.${command.title} must be 1 to 128 characters`);
    }
    file[`bots[0].commandLists[${l}].commands[${c}].title`] = command.title;
    file[`bots[0].commandLists[${l}].commands[${c}].description`] = description;
  }));
  return file;
}

async function validateLocalization(tag, file, schemaVersion) {
  const { ManifestUtil } = loadDevPackage("@microsoft/app-manifest");
  const bundled = devRequire(`@microsoft/app-manifest/build/json-schemas/teams/${schemaVersion}/MicrosoftTeams.Localization.schema.json`);
  // The bundled schema has a key pattern (activities.activityTypes[...]) that is not a valid Unicode regular expression
  // ("\b]"), which the validator compiles with the u flag; those keys are unused here, so the patterns that cannot
  // compile are left out of the check.
  const schema = { ...bundled, patternProperties: Object.fromEntries(Object.entries(bundled.patternProperties ?? {}).filter(([pattern]) => {
    try { new RegExp(pattern, "u"); return true; } catch { return false; }
  })) };
  const errors = await ManifestUtil.validateManifestAgainstSchema(file, schema);
  if (errors.length > 0) throw new PackageError(`${tag}.json does not match the Teams localization schema:\n  ${errors.join("\n  ")}`);
}

/** Replaces ${{NAME}} in every string of the parsed template; a string that is exactly ${{COMMAND_LISTS}} becomes the array. */
function fill(node, values, commandLists) {
  if (typeof node === "string") {
    if (node === "${{COMMAND_LISTS}}") return commandLists;
    return node.replace(/\$\{\{([A-Z_]+)\}\}/g, (match, name) => {
      if (!(name in values)) throw new PackageError(`manifest.template.json uses an unknown placeholder ${match}`);
      return values[name];
    });
  }
  if (Array.isArray(node)) return node.map((item) => fill(item, values, commandLists));
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values, commandLists)]));
  return node;
}

// The project's npm packages (Teams schema, pngjs, yazl) live in .dev/node_modules (npm ci in .dev, by .dev/setup.sh).
const devRequire = createRequire(join(repoRoot, ".dev", "package.json"));

function loadDevPackage(name) {
  try {
    return devRequire(name);
  } catch {
    throw new PackageError(`${name} is not installed: run 'npm ci' in .dev/ first`);
  }
}

async function validateManifest(manifest) {
  const { ManifestUtil } = loadDevPackage("@microsoft/app-manifest");
  const match = /\/teams\/(v[0-9.]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? "");
  if (!match) throw new PackageError(`manifest $schema '${manifest.$schema}' is not a Teams manifest schema URL`);
  if (match[1] !== `v${manifest.manifestVersion}`) throw new PackageError(`$schema (${match[1]}) and manifestVersion (${manifest.manifestVersion}) differ`);
  let schema;
  try {
    schema = devRequire(`@microsoft/app-manifest/build/json-schemas/teams/${match[1]}/MicrosoftTeams.schema.json`);
  } catch {
    throw new PackageError(`@microsoft/app-manifest has no bundled schema ${match[1]}`);
  }
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
  if (errors.length > 0) throw new PackageError(`manifest.json does not match the Teams ${match[1]} schema:\n  ${errors.join("\n  ")}`);
  const leftover = JSON.stringify(manifest).match(/\$\{\{[^}]*\}\}/);
  if (leftover) throw new PackageError(`placeholder ${leftover[0]} was not filled`);
  if (!manifest.webApplicationInfo?.resource?.startsWith(`api://${manifest.validDomains?.[0]}/`)) throw new PackageError("webApplicationInfo.resource must be an api:// URI on the tab's host");
}

async function readIcon(file, expectedSize) {
  const path = join(manifestDir, file);
  if (!existsSync(path)) throw new PackageError(`icon ${relative(path)} is missing (run node manifest/scripts/make-icons.mjs)`);
  const data = readFileSync(path);
  const { PNG } = loadDevPackage("pngjs");
  let image;
  try {
    // Any PNG flavour, returned as 8-bit RGBA. The callback form: PNG.sync.read reports most damage as
    // "unrecognised content at end of stream" instead of the actual problem (bad signature, CRC, truncation).
    const png = await new Promise((done, fail) => new PNG().parse(data, (error, parsed) => (error ? fail(error) : done(parsed))));
    image = { width: png.width, height: png.height, rgba: png.data };
  } catch (error) {
    throw new PackageError(`icon ${file} is not a readable PNG: ${error.message}`);
  }
  if (image.width !== expectedSize || image.height !== expectedSize) {
    throw new PackageError(`icon ${file} is ${image.width}x${image.height}, Teams needs ${expectedSize}x${expectedSize}`);
  }
  return { data, image };
}

// Every entry dated 1980-01-01 00:00 (the earliest DOS time, no extended UTC time field), so the same inputs give the
// same bytes in any time zone.
const ZIP_ENTRY_TIME = new Date(1980, 0, 1);

/** Builds the zip in memory with yazl from [{ name, data }]: files at the archive root, deflated (PNGs, already deflated, stored). */
async function createZip(entries) {
  const { ZipFile } = loadDevPackage("yazl");
  const zip = new ZipFile();
  for (const { name, data } of entries) {
    const compressionLevel = name.endsWith(".png") ? 0 : 9;
    zip.addBuffer(data, name, { mtime: ZIP_ENTRY_TIME, forceDosTimestamp: true, mode: 0o100644, compressionLevel });
  }
  zip.end();
  const chunks = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The outline icon must be white on a transparent background: each pixel fully transparent or white. */
export function checkOutline({ width, height, rgba }) {
  let transparent = 0, white = 0;
  for (let i = 0; i < width * height; i++) {
    const [r, g, b, a] = rgba.subarray(i * 4, i * 4 + 4);
    if (a === 0) { transparent++; continue; }
    if (r !== 255 || g !== 255 || b !== 255) {
      throw new PackageError(`icon outline.png: pixel (${i % width}, ${Math.floor(i / width)}) is rgba(${r}, ${g}, ${b}, ${a}); only white or fully transparent pixels are allowed`);
    }
    if (a === 255) white++;
  }
  if (transparent === 0) throw new PackageError("icon outline.png has no transparent background");
  if (white === 0) throw new PackageError("icon outline.png has no opaque white pixels");
}

async function main(argv) {
  const options = parseArgs(argv);
  if (options.help) { console.log(USAGE); return 0; }
  const values = resolveValues(options);

  const template = readJson(join(manifestDir, "manifest.template.json"));
  const commandLists = buildCommandLists(readJson(join(manifestDir, "commands.json")));
  const manifest = fill(template, values, commandLists);
  const schemaVersion = `v${manifest.manifestVersion}`;
  const localizations = LANGUAGES.map((tag) => ({ tag, file: buildLocalization(tag, readJson(join(manifestDir, "localization", `${tag}.json`)), commandLists, schemaVersion) }));
  manifest.localizationInfo = {
    defaultLanguageTag: "en",
    additionalLanguages: localizations.map(({ tag }) => ({ languageTag: tag, file: `${tag}.json` })),
  };
  await validateManifest(manifest);
  for (const { tag, file } of localizations) await validateLocalization(tag, file, schemaVersion);

  const icons = [await readIcon(manifest.icons.color, 192), await readIcon(manifest.icons.outline, 32)];
  checkOutline(icons[1].image);

  const commandCount = new Set(commandLists.flatMap((l) => l.commands.map((c) => c.title))).size;
  const summary = `manifest v${manifest.manifestVersion}, app ${manifest.version}, bot ${manifest.bots[0].botId}, host ${values.HOST_NAME}, ${commandCount} command(s), languages en ${LANGUAGES.join(" ")}`;
  if (options.check) {
    console.log(`check passed: ${summary}`);
    return 0;
  }
  const out = resolve(options.out ?? join(manifestDir, "build", "appPackage.zip"));
  mkdirSync(dirname(out), { recursive: true });
  const zip = await createZip([
    { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8") },
    { name: manifest.icons.color, data: icons[0].data },
    { name: manifest.icons.outline, data: icons[1].data },
    ...localizations.map(({ tag, file }) => ({ name: `${tag}.json`, data: Buffer.from(JSON.stringify(file, null, 2) + "\n", "utf8") })),
  ]);
  writeFileSync(out, zip);
  console.log(`wrote ${out} (${zip.length} bytes): ${summary}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) {
      console.error(`package: error: ${error.message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(`package: error: ${error instanceof PackageError ? error.message : error.stack}`);
    process.exit(1);
  },
);
