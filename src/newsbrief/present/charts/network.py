"""Who appears with whom: a co-occurrence network drawn with networkx, plain enough to read in print."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from .entities import TYPE_STYLE
from .style import FULL_WIDTH, SMALL, new_figure


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
    fig, ax = new_figure(FULL_WIDTH, 2.8)
    ax.set_axis_off()
    # On a circle (most mentioned first) no node sits on another and every edge is a chord between two
    # nodes, so each pair drawn, the strongest included, shows as a visible line.
    order = sorted(graph.nodes, key=lambda n: -graph.nodes[n]["mentions"])
    pos = nx.circular_layout(order)
    edges = sorted(graph.edges(data=True), key=lambda e: e[2]["weight"])  # strongest drawn last, on top
    widths = [1.2 + 6 * max(0.0, d["weight"]) for _, _, d in edges]
    shades = ["#333333" if i == len(edges) - 1 else "#8a8f96" for i in range(len(edges))]
    nx.draw_networkx_edges(graph, pos, edgelist=[(a, b) for a, b, _ in edges], ax=ax, width=widths,
                           edge_color=shades, alpha=0.9)
    biggest = max([d["mentions"] for _, d in graph.nodes(data=True)] or [1])
    for kind, (color, hatch) in TYPE_STYLE.items():
        names = [n for n, d in graph.nodes(data=True) if d["kind"] == kind]
        if not names:
            continue
        sizes = [60 + 340 * graph.nodes[n]["mentions"] / biggest for n in names]
        drawn = nx.draw_networkx_nodes(graph, pos, nodelist=names, node_size=sizes, node_color=color, ax=ax,
                                       edgecolors="#333333", linewidths=0.6)
        drawn.set_hatch(hatch)
    for name, (x, y) in pos.items():  # labels outside the circle, away from the chords
        ax.annotate(textwrap.fill(str(name), 18), (x, y), xytext=(x * 14, y * 12), textcoords="offset points",
                    ha="left" if x > 0.2 else "right" if x < -0.2 else "center",
                    va="bottom" if y > 0.2 else "top" if y < -0.2 else "center", fontsize=SMALL)
    ax.margins(0.3, 0.18)
    ax.set_title(title)
    present = [t for t in TYPE_STYLE if t in set(nodes["type"])]
    ax.legend(handles=[Patch(facecolor=TYPE_STYLE[t][0], hatch=TYPE_STYLE[t][1], edgecolor="#333333", label=t)
                       for t in present], loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=SMALL,
              title="line width: NPMI;\ndarkest: strongest pair", title_fontsize=SMALL)
    return fig
