// Reference renderer: citeproc-js. Reads one JSON request on stdin:
//   {"style": "<xml>", "locales": {"en-US": "<xml>"}, "lang": "en-US",
//    "items": [CSL-JSON...], "form": "first"|"subsequent"|"bibliography",
//    "format": "text"|"html"}
// Prints a JSON list of strings: one citation per item (each item registered
// alone, so no cross-item disambiguation), or the bibliography entries.
"use strict";
const CSL = require("citeproc");

const POSITIONS = { first: 0, subsequent: 1 };

function engineFor(req, items) {
  const byId = Object.fromEntries(items.map((it) => [String(it.id), it]));
  const sys = {
    retrieveLocale: (lang) => req.locales[lang] || req.locales["en-US"],
    retrieveItem: (id) => byId[id],
  };
  const engine = new CSL.Engine(sys, req.style, req.lang || "en-US", true);
  engine.setOutputFormat(req.format === "html" ? "html" : "text");
  return engine;
}

function main(input) {
  const req = JSON.parse(input);
  const out = [];
  if (req.form === "bibliography") {
    const engine = engineFor(req, req.items);
    engine.updateItems(req.items.map((it) => String(it.id)));
    const [, entries] = engine.makeBibliography();
    for (const entry of entries) out.push(entry.trim());
  } else {
    const engine = engineFor(req, req.items);
    for (const it of req.items) {
      engine.updateItems([String(it.id)]);
      const cite = { id: String(it.id), position: POSITIONS[req.form] };
      out.push(engine.makeCitationCluster([cite]));
    }
  }
  process.stdout.write(JSON.stringify(out));
}

let data = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (data += chunk));
process.stdin.on("end", () => main(data));
