#!/usr/bin/env bash
# Creates the repo-local Python reference environment .venv-hf (gitignored) with torch, transformers and
# safetensors, which test/slow/hf-transformers-interop.test.ts uses to check Okapi.ts directories
# against real Hugging Face transformers. Needs python3 (with venv) and PyPI or a local wheelhouse
# (pip's usual settings: PIP_INDEX_URL / PIP_FIND_LINKS / pip.conf). Run from anywhere:
#   scripts/setup-hf-reference.sh        then   npm run test:slow
# Set PYTHON=/path/to/python3 to choose the interpreter. OKAPI_PYTHON=/path/to/python skips the venv
# in the tests altogether (any Python that has the three packages).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo_root/.venv-hf"
python="${PYTHON:-python3}"

fail() {
  echo "setup-hf-reference: $1" >&2
  echo "hint: $2" >&2
  exit 1
}

command -v "$python" >/dev/null 2>&1 || fail "'$python' was not found." "Install Python 3.10+ or set PYTHON=/path/to/python3."

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv" ||
    fail "could not create $venv with '$python -m venv'." "Install the venv module (Debian/Ubuntu: apt-get install python3-venv)."
fi

if ! "$venv/bin/pip" install torch transformers safetensors; then
  fail "pip could not install torch, transformers and safetensors into $venv." \
    "pip needs PyPI or a local wheelhouse: set PIP_INDEX_URL / PIP_EXTRA_INDEX_URL / PIP_FIND_LINKS (or pip.conf), e.g. PIP_FIND_LINKS=/path/to/wheels. CPU-only torch: PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu."
fi

"$venv/bin/python" -c 'import torch, transformers, safetensors; print(f"torch {torch.__version__}, transformers {transformers.__version__}, safetensors {safetensors.__version__}")' ||
  fail "the packages installed but do not import." "Remove $venv and run this script again."

echo "setup-hf-reference: ready: $venv (npm run test:slow uses it)"
