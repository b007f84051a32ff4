#!/bin/bash
# Assembles the runtime's root filesystem in $1: the JRE, exactly the shared libraries it loads, a passwd entry for
# the service user, and the dpkg records of the packages those files came from, so that image scanners still see
# which Debian packages (and security fixes) the image holds.
set -euo pipefail
root=$1
jre=/usr/lib/jvm/java-17-openjdk-amd64
arch_libs=/usr/lib/x86_64-linux-gnu

# Not needed by a headless server: the tools besides java, javac's symbol table, manuals, and the desktop and
# sound libraries, which alone would pull in freetype, harfbuzz, glib, ALSA and PC/SC.
unneeded=(bin/jpackage bin/keytool bin/rmiregistry lib/jexec lib/ct.sym man docs
          lib/libawt.so lib/libawt_headless.so lib/libfontmanager.so lib/libjavajpeg.so lib/libjsound.so
          lib/liblcms.so lib/libmlib_image.so lib/libj2pcsc.so)

mkdir -p "$root$jre" "$root$arch_libs" "$root/usr/lib64" "$root/etc" "$root/tmp" "$root/var/lib/dpkg/status.d"
# Dereferenced: Debian keeps the JRE's configuration and CA store in /etc behind symlinks; copies avoid links
# that point out of the JRE.
cp -RL --preserve=mode,timestamps "$jre/." "$root$jre/"
for path in "${unneeded[@]}"; do
  rm -rf "${root:?}$jre/$path"
done

# The libraries the remaining binaries load, resolved by the dynamic linker itself. "libjvm.so => not found" is
# expected: the JRE's libraries find it through the already loaded JVM, not by search path.
binaries=$(find "$root$jre" -type f \( -name '*.so' -o -path '*/bin/java' \))
linked=$(echo "$binaries" | xargs ldd | grep -v -e 'libjvm.so => not found' -e '^/' -e 'vdso' || true)
if grep -q 'not found' <<<"$linked"; then
  echo "missing libraries: $(grep 'not found' <<<"$linked" | sort -u)" >&2
  exit 1
fi
libs=$(awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' <<<"$linked" | grep -v "^$root/" | sort -u)

# Merged /usr as in Debian: the program interpreter is /lib64/ld-linux-x86-64.so.2.
ln -s usr/lib "$root/lib"
ln -s usr/lib64 "$root/lib64"
packages=(openjdk-17-jre-headless ca-certificates ca-certificates-java)
for lib in $libs; do
  cp -L --preserve=mode,timestamps "$lib" "$root$(realpath "$(dirname "$lib")")/$(basename "$lib")"
  packages+=("$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$(realpath "$lib")")")
done

for package in $(printf '%s\n' "${packages[@]}" | cut -d: -f1 | sort -u); do
  dpkg-query --status "$package" > "$root/var/lib/dpkg/status.d/$package"
  mkdir -p "$root/usr/share/doc/$package"
  cp -L "/usr/share/doc/$package/copyright" "$root/usr/share/doc/$package/"
done

cp -L /etc/os-release "$root/etc/os-release"
cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
orderflow:x:10001:10001:orderflow:/tmp:/usr/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
orderflow:x:10001:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"
