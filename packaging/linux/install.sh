#!/bin/sh
# Installs 巡诊 for the current user from the unpacked tarball; no root needed.
#   ./install.sh              install, or upgrade in place
#   ./install.sh --uninstall  remove the program (the data is kept)
# The data folder (~/.local/share/xunzhen: database, backups, keys) is never touched,
# so an upgrade or an uninstall keeps every visit.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/opt/xunzhen
desktop_file=$data_home/applications/xunzhen.desktop
icon_file=$data_home/icons/hicolor/256x256/apps/xunzhen.png
command_link=$HOME/.local/bin/xunzhen

# Menus that read the MIME cache see the change at once; the others watch the folder.
refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app_dir"
    rm -f "$desktop_file" "$icon_file"
    # Only our own link: a xunzhen command installed some other way (uv tool, pip) stays.
    if [ -L "$command_link" ] && [ "$(readlink "$command_link")" = "$app_dir/xunzhen" ]; then
        rm -f "$command_link"
    fi
    refresh
    echo "巡诊已卸载。数据仍在 $data_home/xunzhen"
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "用法：$0 [--uninstall]" >&2
    exit 1
fi

# Copy beside the old version first, then swap, so a failed copy leaves a working install.
mkdir -p "$(dirname "$app_dir")"
rm -rf "$app_dir.new"
cp -a "$here/xunzhen" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"

mkdir -p "$(dirname "$desktop_file")" "$(dirname "$icon_file")" "$(dirname "$command_link")"
sed -e '/^#/d' -e "s|@APP_DIR@|$app_dir|g" "$here/xunzhen.desktop" > "$desktop_file"
chmod 644 "$desktop_file"
cp "$here/xunzhen.png" "$icon_file"
ln -sfn "$app_dir/xunzhen" "$command_link"
refresh

echo "巡诊已安装到 $app_dir"
echo "从应用菜单打开“巡诊”，或在终端运行 xunzhen（命令行，需 ~/.local/bin 在 PATH 中）。"
