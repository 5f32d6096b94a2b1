#!/usr/bin/env bash
# Builds the one-folder Linux bundle (dist/ccms-desktop/) and its tarball
# (dist/ccms-desktop-VERSION-linux-ARCH.tar.gz). With --self-test, unpacks the tarball in a
# temporary folder and runs the bundled app's --self-test there, offscreen, with a clean
# environment: no source tree and no virtual environment on any path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
self_test=0
for arg in "$@"; do
  case "$arg" in
    --self-test) self_test=1 ;;
    *) echo "usage: installer/build.sh [--self-test]" >&2; exit 2 ;;
  esac
done

bash scripts/bootstrap.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.10,<7"
version="$(.venv/bin/python -c 'import app; print(app.__version__)')"
arch="$(uname -m)"

echo "build: PyInstaller one-folder build of ccms-desktop $version" >&2
CCMS_REPO_ROOT="$root" .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/ccms.spec

bundle=dist/ccms-desktop
cp installer/ccms-desktop.desktop installer/ccms-desktop.svg "$bundle/"
cp installer/linux/install.sh installer/linux/uninstall.sh "$bundle/"
chmod +x "$bundle/install.sh" "$bundle/uninstall.sh"
tarball="dist/ccms-desktop-$version-linux-$arch.tar.gz"
tar -C dist -czf "$tarball" ccms-desktop
echo "build: $bundle/ and $tarball" >&2

if ((self_test)); then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  tar -C "$scratch" -xzf "$tarball"
  echo "build: self-test of the unpacked bundle in $scratch" >&2
  (cd "$scratch" && env -i HOME="$scratch/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
      QT_QPA_PLATFORM=offscreen "$scratch/ccms-desktop/ccms-desktop" --version &&
   env -i HOME="$scratch/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
      QT_QPA_PLATFORM=offscreen "$scratch/ccms-desktop/ccms-desktop" --self-test)
  echo "build: self-test passed" >&2
fi
