"""Who appears with whom: a co-occurrence network drawn with networkx, plain enough to read in print."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from .entities import TYPE_STYLE
from .style import new_figure


def network_chart(pairs: pd.DataFrame, nodes: pd.DataFrame, *, title: str = "Who appears with whom") -> Figure:
    """Nodes sized by mentions and styled by type; edges for the pairs given, width by NPMI.

    ``pairs``: a, b, npmi, together. ``nodes``: name, type, mentions (the leading entities).
    """
    import networkx as nx
    from matplotlib.patches import Patch

    graph = nx.Graph()
    for r in nodes.itertuples(index=False):
        graph.add_node(r.name, kind=r.type, mentions=int(r.mentions))
    for r in pairs.itertuples(index=False):
        graph.add_edge(r.a, r.b, weight=float(r.npmi), together=int(r.together))
    fig, ax = new_figure(7.0, 3.6)
    ax.set_axis_off()
    pos = nx.spring_layout(graph, weight="weight", seed=7, k=1.6 / max(1, graph.number_of_nodes()) ** 0.5)
    widths = [0.8 + 8 * max(0.0, d["weight"]) for _, _, d in graph.edges(data=True)]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#8a8f96", alpha=0.8)
    biggest = max([d["mentions"] for _, d in graph.nodes(data=True)] or [1])
    for kind, (color, hatch) in TYPE_STYLE.items():
        names = [n for n, d in graph.nodes(data=True) if d["kind"] == kind]
        if not names:
            continue
        sizes = [250 + 1400 * graph.nodes[n]["mentions"] / biggest for n in names]
        drawn = nx.draw_networkx_nodes(graph, pos, nodelist=names, node_size=sizes, node_color=color, ax=ax,
                                       edgecolors="#333333", linewidths=0.6)
        drawn.set_hatch(hatch)
    labels = {n: textwrap.fill(str(n), 16) for n in graph.nodes}
    nx.draw_networkx_labels(graph, {n: (x, y - 0.11) for n, (x, y) in pos.items()}, labels=labels, ax=ax,
                            font_size=8, verticalalignment="top",
                            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 0.5})
    ax.margins(0.12, 0.16)
    ax.set_title(title)
    present = [t for t in TYPE_STYLE if t in set(nodes["type"])]
    ax.legend(handles=[Patch(facecolor=TYPE_STYLE[t][0], hatch=TYPE_STYLE[t][1], edgecolor="#333333", label=t)
                       for t in present], loc="lower left", fontsize=8, title="line width: NPMI", title_fontsize=8)
    return fig
