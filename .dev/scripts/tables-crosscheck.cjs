// Cross-checks ArtBot's C# Table client against the official @azure/data-tables SDK.
//   node tables-crosscheck.cjs read  <connectionString> <table> <partitionKey>
//     reads the entities the C# test wrote and checks their EDM types and values
//   node tables-crosscheck.cjs write <connectionString> <table> <partitionKey>
//     writes entities with known types for the C# test to read back
// Prints one line per check and a summary; exits 0 only if every check passed.
"use strict";
const { TableClient } = require("@azure/data-tables");

const [mode, connectionString, tableName, partitionKey] = process.argv.slice(2);
if (!mode || !connectionString || !tableName || partitionKey === undefined) {
  console.error("usage: tables-crosscheck.cjs read|write <connectionString> <table> <partitionKey>");
  process.exit(2);
}

const client = TableClient.fromConnectionString(connectionString, tableName, { allowInsecureConnection: true });
const SPECIAL_ROW_KEY = "it's 100%:@;";
let passed = 0;
let failed = 0;

function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}: ${detail}`);
  }
}

function typed(raw, name, type, value) {
  const p = raw[name];
  check(`${name} is Edm.${type} ${value}`, p && p.type === type && String(p.value) === String(value), JSON.stringify(p));
}

async function rawEntityBody(pk, rk) {
  const { createPipelineRequest, createDefaultHttpClient } = require("@azure/core-rest-pipeline");
  const key = (k) => encodeURIComponent(k.replace(/'/g, "''"));
  const request = createPipelineRequest({
    url: `${client.url}/${tableName}(PartitionKey='${key(pk)}',RowKey='${key(rk)}')`,
    method: "GET",
    allowInsecureConnection: true,
  });
  request.headers.set("Accept", "application/json;odata=minimalmetadata");
  request.headers.set("DataServiceVersion", "3.0");
  request.headers.set("x-ms-version", "2019-02-02");
  const response = await client.pipeline.sendRequest(createDefaultHttpClient(), request);
  if (response.status !== 200) {
    throw new Error(`raw GET answered ${response.status}: ${response.bodyAsText}`);
  }
  return response.bodyAsText;
}

async function read() {
  const e = await client.getEntity(partitionKey, "csharp");
  const raw = await client.getEntity(partitionKey, "csharp", { disableTypeConversion: true });

  check("LongValue is BigInt 9007199254740993", e.LongValue === 9007199254740993n, `${typeof e.LongValue} ${e.LongValue}`);
  typed(raw, "LongValue", "Int64", "9007199254740993");
  check("NullableLong is BigInt min", e.NullableLong === -9223372036854775808n, `${typeof e.NullableLong} ${e.NullableLong}`);
  check("DoubleValue is number 2", typeof e.DoubleValue === "number" && e.DoubleValue === 2, `${typeof e.DoubleValue} ${e.DoubleValue}`);
  // The service (and Azurite) answers a stored Edm.Double without annotation but with a decimal point ("2.0");
  // an Int32 would come back as "2". JSON.parse hides the difference, so look at the raw body.
  const body = await rawEntityBody(partitionKey, "csharp");
  check("DoubleValue is stored as a double (2.0 on the wire)", /"DoubleValue":2\.0[,}]/.test(body), body);
  check("IntValue is stored as an Int32 (-42 on the wire)", /"IntValue":-42[,}]/.test(body), body);
  typed(raw, "NullableDouble", "Double", "NaN");
  typed(raw, "When", "DateTime", "2024-05-06T05:08:09.1234567Z");
  typed(raw, "WhenUtc", "DateTime", "2023-01-02T03:04:05.7654321Z");
  check("When is a Date", e.When instanceof Date && e.When.toISOString() === "2024-05-06T05:08:09.123Z", String(e.When));
  typed(raw, "Id", "Guid", "0f8fad5b-d9cb-469f-a165-70867728950e");
  check("Bytes is Binary [0,1,2,250,255]",
    e.Bytes instanceof Uint8Array && Array.from(e.Bytes).join(",") === "0,1,2,250,255", String(e.Bytes));
  check("IntValue is -42", e.IntValue === -42, String(e.IntValue));
  typed(raw, "IntValue", "Int32", "-42");
  check("Bool is true", e.Bool === true, String(e.Bool));
  check("Text round trips", e.Text === "text with 'quotes' and ünïcödé", String(e.Text));
  check("Colour is the enum name", e.Colour === "Blue", String(e.Colour));
  check("null and ignored properties are absent", !("NullableInt" in e) && !("NotStored" in e), Object.keys(e).join(","));
  check("etag present", typeof e.etag === "string" && e.etag.startsWith('W/"'), String(e.etag));

  const special = await client.getEntity(partitionKey, SPECIAL_ROW_KEY);
  check("special row key readable", special.rowKey === SPECIAL_ROW_KEY && special.Text === "special", JSON.stringify(special));

  const listed = [];
  const filter = `PartitionKey eq '${partitionKey.replace(/'/g, "''")}'`;
  for await (const entity of client.listEntities({ queryOptions: { filter } })) {
    listed.push(entity.rowKey);
  }
  check("query lists both entities", listed.length === 2, listed.join(","));
}

async function write() {
  await client.upsertEntity({
    partitionKey,
    rowKey: "node",
    Big: 9007199254740993n,
    Dbl: { value: 2, type: "Double" },
    Frac: 0.5,
    When: { value: "2024-05-06T05:08:09.1234567Z", type: "DateTime" },
    Id: { value: "0f8fad5b-d9cb-469f-a165-70867728950e", type: "Guid" },
    Bin: new Uint8Array([9, 8, 7, 0, 255]),
    Int: 7,
    Text: "O'Neil",
    Flag: true,
    Colour: "Red",
  }, "Replace");
  check("wrote typed entity", true, "");
  await client.upsertEntity({ partitionKey, rowKey: SPECIAL_ROW_KEY, Text: "from node" }, "Replace");
  check("wrote special-key entity", true, "");
}

(mode === "read" ? read() : mode === "write" ? write() : Promise.reject(new Error(`unknown mode ${mode}`)))
  .catch((e) => {
    failed++;
    console.log(`FAIL ${mode}: ${e && e.message}`);
  })
  .finally(() => {
    console.log(`crosscheck ${mode}: ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  });
