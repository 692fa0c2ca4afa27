/* Wij in de Wijk: Material's search worker, plus Dutch stemming for the words a reader types.
 *
 * Material appends "*" to every query term, and lunr skips the stemmer for wildcard terms, so
 * "wandelingen" would never find a page that says "wandeling". This wrapper loads Material's
 * own worker (named in ?worker=, from the same folder) and adds, next to each "term*", the
 * stemmed term as an optional clause. The index itself is unchanged. */
(function () {
  "use strict";
  var name = new URL(self.location.href).searchParams.get("worker") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) {
    throw new Error("widw-search: onbekende zoekworker " + name);
  }
  self.importScripts(name);
  var lunr = self.lunr;
  if (!lunr) { return; } // a worker without lunr (Zensical's search) runs unchanged
  lunr.Index.prototype.search = function (queryString) {
    return this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse();
      var stemmed = [];
      query.clauses.forEach(function (clause) {
        var term = clause.term;
        if (
          term.length > 2 &&
          term.charAt(term.length - 1) === "*" &&
          term.indexOf("*") === term.length - 1 &&
          clause.presence === lunr.Query.presence.OPTIONAL
        ) {
          stemmed.push({
            term: term.slice(0, -1),
            fields: clause.fields,
            boost: clause.boost,
            usePipeline: true,
            wildcard: lunr.Query.wildcard.NONE,
            presence: lunr.Query.presence.OPTIONAL
          });
        }
      });
      stemmed.forEach(function (clause) {
        query.clause(clause);
      });
    });
  };
})();
