"""examples/diplo.ipynb runs end to end and shows tables, a highlighted article and a plot."""

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")


def outputs(nb, mime):
    return [o["data"][mime] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if mime in o.get("data", {})]


def test_example_notebook_runs(root, monkeypatch):
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend makes the PNG
    path = root / "examples" / "diplo.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(root)}})
    client.execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    html = outputs(nb, "text/html")
    assert any("<mark" in h and 'data-kind="metric"' in h for h in html)   # the highlighted article
    assert any("diplo-corpus" in h and "consistent" in h for h in html)     # the corpus view
    assert any("<table" in h and "indicator" in h for h in html)            # a DataFrame
    assert outputs(nb, "image/png")                                          # the claims plot
    assert 'data-kind="meeting"' in outputs(nb, "text/html")[-1]             # `doc` is the last cell
