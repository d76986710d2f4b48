"""Headless notebook runs (issue 16, item 9): IPC transport, timeouts, and a dead or silent kernel is a RunError."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from newsbrief.errors import RunError
from newsbrief.render.kernel import IPCKernelManager, StartedKernel, execute, kernel_manager_class


def notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("x = 0")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(s) for s in sources)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_kernels_use_ipc_where_the_platform_has_unix_sockets() -> None:
    if os.name != "posix":
        pytest.skip("Unix domain sockets are a POSIX feature; elsewhere kernels use TCP")
    assert kernel_manager_class() is IPCKernelManager


@pytest.mark.slow
def test_a_notebook_runs_over_ipc_and_its_socket_folder_is_removed(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("Unix domain sockets are a POSIX feature")
    source = notebook(tmp_path / "in.ipynb", "import ipykernel.connect, json\n"
                      "info = json.load(open(ipykernel.connect.get_connection_file()))\n"
                      "print(info['transport'], info['ip'], x)")
    execute(source, tmp_path / "out.ipynb", parameters={"x": 7}, cwd=tmp_path, cell_timeout=60)
    out = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    transport, ip, x = out.cells[-1].outputs[0]["text"].split()
    assert transport == "ipc" and x == "7"
    assert not Path(ip).parent.exists()  # the private socket folder is gone with the kernel


@pytest.mark.slow
def test_a_kernel_that_dies_is_a_run_error(tmp_path: Path) -> None:
    source = notebook(tmp_path / "in.ipynb", "import ipykernel.connect, json\n"
                      "print(json.load(open(ipykernel.connect.get_connection_file()))['ip'])", "import os\nos._exit(1)")
    with pytest.raises(RunError, match="kernel died") as info:
        execute(source, tmp_path / "out.ipynb", parameters={}, cwd=tmp_path, cell_timeout=60)
    assert info.value.exit_code == 1 and "out.ipynb" in str(info.value)
    if os.name == "posix":
        ip = nbformat.read(tmp_path / "out.ipynb", as_version=4).cells[1].outputs[0]["text"].strip()
        assert not Path(ip).parent.exists()  # the socket folder is removed after a dead kernel too


@pytest.mark.slow
def test_a_silent_cell_is_stopped_by_the_cell_timeout(tmp_path: Path) -> None:
    source = notebook(tmp_path / "in.ipynb", "import time\ntime.sleep(120)")
    with pytest.raises(RunError, match="no result within 3 s") as info:
        execute(source, tmp_path / "out.ipynb", parameters={}, cwd=tmp_path, cell_timeout=3)
    assert info.value.exit_code == 1


@pytest.mark.slow
def test_a_notebook_runs_on_a_kernel_started_ahead_which_loaded_its_imports_and_stays_up_until_closed(
    tmp_path: Path,
) -> None:
    kernel = StartedKernel(cwd=tmp_path, imports=("import colorsys",))
    try:
        source = notebook(tmp_path / "in.ipynb", "import os, sys\n"
                          "print('colorsys' in sys.modules, os.path.samefile(os.getcwd(), x))")
        execute(source, tmp_path / "out.ipynb", parameters={"x": str(tmp_path)}, cwd=tmp_path, cell_timeout=60,
                kernel=kernel)
        out = nbformat.read(tmp_path / "out.ipynb", as_version=4)
        assert out.cells[-1].outputs[0]["text"].split() == ["True", "True"]  # imported ahead, in the run folder
        assert [c.execution_count for c in out.cells] == [1, 2, 3]  # the start-up imports count no cell
        assert kernel.manager.has_kernel  # the run's kernel, stopped by its owner
        kernel.stop_soon()
    finally:
        kernel.close()
    assert not kernel.manager.has_kernel
    if os.name == "posix":
        assert not Path(kernel.manager.ip).parent.exists()  # its socket folder is removed


@pytest.mark.slow
def test_a_kernel_started_ahead_of_a_failing_cell_is_closed_by_its_owner(tmp_path: Path) -> None:
    from papermill.exceptions import PapermillExecutionError

    kernel = StartedKernel(cwd=tmp_path, imports=())
    try:
        source = notebook(tmp_path / "in.ipynb", "raise ValueError('no')")
        with pytest.raises(PapermillExecutionError):
            execute(source, tmp_path / "out.ipynb", parameters={}, cwd=tmp_path, cell_timeout=60, kernel=kernel)
    finally:
        kernel.close()
    assert not kernel.manager.has_kernel
