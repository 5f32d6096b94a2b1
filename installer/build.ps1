# Builds the one-folder Windows bundle (dist\ccms-desktop\) and, when Inno Setup 6 is
# installed, the installer dist\ccms-desktop-VERSION-setup.exe.
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1 [-SelfTest]
param([switch]$SelfTest)
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..")
Set-Location $root

if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3.11 -m venv .venv }
$py = Join-Path $root ".venv\Scripts\python.exe"
& $py -m pip install -q --upgrade pip
& $py -m pip install -q -e .
& $py -m pip install -q "pyinstaller>=6.10,<7"
$version = & $py -c "import app; print(app.__version__)"

$env:CCMS_REPO_ROOT = "$root"
& (Join-Path $root ".venv\Scripts\pyinstaller.exe") --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller installer\ccms.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

if ($SelfTest) {
    $env:QT_QPA_PLATFORM = "offscreen"
    & "dist\ccms-desktop\ccms-desktop.exe" --self-test
    if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
    Remove-Item Env:\QT_QPA_PLATFORM
}

$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe") |
    Where-Object { Test-Path $_ } | Select-Object -First 1
if ($iscc) {
    & $iscc "/DAppVersion=$version" "/DSourceDir=$root\dist\ccms-desktop" "/O$root\dist" `
        installer\windows\ccms-desktop.iss
    if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
    Write-Host "build: dist\ccms-desktop-$version-setup.exe"
} else {
    Write-Host "build: dist\ccms-desktop\ (install Inno Setup 6 to also make the setup .exe)"
}
