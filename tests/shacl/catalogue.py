"""Reads a build's DCAT-AP catalogue as a harvester would and reports what it finds, as JSON on
stdout, for tests/testsuite/catalogue.rs to judge.

    catalogue.py SHAPES OUTPUT_DIR

The report holds the SHACL verdict on the Turtle file (RDFS inference, as the shapes expect),
the same verdict on a copy with the catalogue's title removed (so a test sees that the shapes
were applied at all), whether the JSON-LD file holds the same graph, which properties each
catalogue, dataset and distribution has, and what each distribution says of its file.
"""

import json
import sys
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF

SPDX = Namespace("http://spdx.org/rdf/terms#")


def verdict(data, shapes):
    conforms, _, text = validate(
        data, shacl_graph=shapes, inference="rdfs", abort_on_first=False
    )
    return conforms, text


def properties(graph, node):
    return sorted({graph.namespace_manager.normalizeUri(p) for p in graph.predicates(node)})


def literals(graph, node, predicate):
    return sorted(
        {f"{o}@{o.language}" if o.language else str(o) for o in graph.objects(node, predicate)}
    )


def main():
    shapes = Graph().parse(sys.argv[1], format="turtle")
    data_dir = Path(sys.argv[2]) / "data"
    turtle = Graph().parse(data_dir / "catalog.ttl", format="turtle")
    json_ld = Graph().parse(data_dir / "catalog.jsonld", format="json-ld")

    conforms, report = verdict(turtle, shapes)
    broken = Graph()
    for triple in turtle:
        broken.add(triple)
    for catalogue in turtle.subjects(RDF.type, DCAT.Catalog):
        broken.remove((catalogue, DCTERMS.title, None))
    broken_conforms, _ = verdict(broken, shapes)

    def described(node):
        return {
            "iri": str(node),
            "properties": properties(turtle, node),
            "titles": literals(turtle, node, DCTERMS.title),
            "descriptions": literals(turtle, node, DCTERMS.description),
        }

    catalogues = [described(c) for c in turtle.subjects(RDF.type, DCAT.Catalog)]
    datasets = []
    for dataset in sorted(turtle.subjects(RDF.type, DCAT.Dataset)):
        entry = described(dataset)
        entry["keywords"] = literals(turtle, dataset, DCAT.keyword)
        entry["modified"] = literals(turtle, dataset, DCTERMS.modified)
        entry["bbox"] = [
            str(b)
            for area in turtle.objects(dataset, DCTERMS.spatial)
            for b in turtle.objects(area, DCAT.bbox)
        ]
        entry["period"] = [
            [str(turtle.value(p, DCAT.startDate)), str(turtle.value(p, DCAT.endDate))]
            for p in turtle.objects(dataset, DCTERMS.temporal)
        ]
        entry["parts"] = sorted(str(p) for p in turtle.objects(dataset, DCTERMS.hasPart))
        entry["distributions"] = []
        for distribution in sorted(turtle.objects(dataset, DCAT.distribution)):
            checksum = turtle.value(distribution, SPDX.checksum)
            entry["distributions"].append(
                {
                    "download": str(turtle.value(distribution, DCAT.downloadURL)),
                    "media_type": str(turtle.value(distribution, DCAT.mediaType)),
                    "format": str(turtle.value(distribution, DCTERMS["format"])),
                    "byte_size": int(turtle.value(distribution, DCAT.byteSize)),
                    "sha256": str(turtle.value(checksum, SPDX.checksumValue)),
                    "conforms_to": sorted(
                        str(s) for s in turtle.objects(distribution, DCTERMS.conformsTo)
                    ),
                    "properties": properties(turtle, distribution),
                }
            )
        datasets.append(entry)

    json.dump(
        {
            "conforms": conforms,
            "report": report,
            "broken_conforms": broken_conforms,
            "isomorphic": isomorphic(turtle, json_ld),
            "triples": len(turtle),
            "catalogues": catalogues,
            "datasets": datasets,
        },
        sys.stdout,
        ensure_ascii=False,
        indent=1,
    )


if __name__ == "__main__":
    main()
