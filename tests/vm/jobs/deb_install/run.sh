#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# opendmvpn installed as on a Debian router, in a guest whose PID 1 is
# systemd, across two boots of the same disk (image/vm-job runs this once per
# boot with VM_BOOT=N). Only the package's programs run here: PATH has no
# /job/bin. Every step leaves its evidence in /out.
#  boot 1: apt install ./opendmvpn_*.deb offline (every Depends is in the
#          image), the hub's startup-config, systemctl enable --now dmvpnd, a
#          member of group opendmvpn uses dmvpn-cli without root, other
#          users cannot; an FRR nhrpd spoke in a namespace registers;
#          systemctl restart dmvpnd, the spoke registers again; a change
#          typed over dmvpn-cli and `write memory`; then the guest reboots.
#  boot 2: systemd started dmvpnd from the startup-config by itself, the
#          change is in the running-config, the spoke registers; the file
#          edited and `systemctl reload dmvpnd` (SIGHUP); apt remove
#          leaves no dmvpnd and keeps /etc/opendmvpn; apt purge removes it.
. /job/lib.sh
export PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive
unset LD_LIBRARY_PATH
B=${VM_BOOT:?}
DESC="written over the shell in boot 1"
DESC2="edited in the file in boot 2"

pid1_is_systemd() { [ "$(cat /proc/1/comm)" = systemd ]; }
active() { [ "$(systemctl is-active "$1")" = active ]; }
mainpid() { systemctl show -p MainPID --value dmvpnd; }
show_dmvpn() { dmvpn-cli -c 'show dmvpn'; }
registered() { show_dmvpn | grep -qE "192\.0\.2\.2 +10\.1\.1\.2 +UP"; }
no_dmvpnd() { ! pgrep -x dmvpnd >/dev/null; }
# privilege separation (dmvpnd's default as root): the NHRP child runs as the
# dmvpn user the postinst made, no capabilities, seccomp, chrooted
child_confined() {
  c=$(pgrep -x dmvpnd-nhrp) || return 1
  grep -E '^(Uid|CapEff|CapBnd|NoNewPrivs|Seccomp):' "/proc/$c/status" >"/out/nhrp-child.boot$B.txt"
  # every uid (real, effective, saved, fs) is dmvpn's
  [ "$(awk '/^Uid:/ { print $2 $3 $4 $5 }' "/proc/$c/status")" = "$(id -u dmvpn)$(id -u dmvpn)$(id -u dmvpn)$(id -u dmvpn)" ] &&
    grep -qE '^CapEff:\s+0+$' "/proc/$c/status" &&
    grep -qE '^NoNewPrivs:\s+1$' "/proc/$c/status" &&
    grep -qE '^Seccomp:\s+2$' "/proc/$c/status" &&
    [ "$(readlink "/proc/$c/root")" = /var/lib/opendmvpn/empty ]
}

# spoke: FRR nhrpd in namespace "spoke" on the hub's br0, 192.0.2.2
spoke_up() {
  modprobe ip_gre
  node spoke 192.0.2.2/24
  frr_gre spoke 192.0.2.2 10.1.1.2
  # FRR's spokes reach the tunnel subnet through the hub
  ip -n spoke route add 10.1.1.0/24 via 10.1.1.1 dev gre1 onlink
  frr_start spoke /job/frr-spoke.conf
}

# wait_registered STEP: the spoke in the hub's show dmvpn (FRR registers
# again every holdtime/3 = 10 s, so a restarted hub learns it within that)
wait_registered() {
  expect "$1" retry 90 registered
  show_dmvpn >"/out/show-dmvpn.$2.txt" 2>&1
}

journal() { journalctl -b --no-pager -o short-monotonic -u dmvpnd >"/out/journal-dmvpnd.boot$B.txt"; }

say "boot $B"
expect "boot $B: PID 1 is systemd" pid1_is_systemd
systemctl list-units --failed --no-pager >"/out/failed-units.boot$B.txt" 2>&1

if [ "$B" -eq 1 ]; then
  expect "boot 1: opendmvpn is not installed on the clean image" sh -c '! dpkg -s opendmvpn >/dev/null 2>&1'
  cp /job/opendmvpn_*.deb /tmp/
  expect "apt install ./opendmvpn_*.deb resolves offline from the image" \
    sh -c 'cd /tmp && apt-get install -y ./opendmvpn_*.deb >/out/apt-install.log 2>&1'
  tail -n 5 /out/apt-install.log
  expect "installed: dmvpnd, dmvpn-cli on PATH, group opendmvpn" \
    sh -c 'command -v dmvpnd && command -v dmvpn-cli && getent group opendmvpn'
  expect "installed, not enabled (dh_installsystemd --no-enable)" \
    test "$(systemctl is-enabled dmvpnd)" = disabled
  dmvpnd --version | tee /out/version.txt

  # the router's network: br0 at every boot, before dmvpnd
  install -m 755 /job/underlay.sh /usr/local/sbin/vm-underlay
  install -m 644 /job/vm-underlay.service /etc/systemd/system/
  systemctl enable --now vm-underlay >/dev/null 2>&1

  install -m 600 /job/hub.cfg /etc/opendmvpn/startup-config
  expect "dmvpnd -n accepts the startup-config" dmvpnd -n -f /etc/opendmvpn/startup-config
  expect "systemctl enable --now dmvpnd" systemctl enable --now dmvpnd
  expect "dmvpnd.service is active (Type=notify: READY=1 sent)" active dmvpnd
  systemctl status --no-pager dmvpnd >/out/status.boot1.txt 2>&1
  expect "under systemd the NHRP child runs as dmvpn, no capabilities, seccomp, chroot" \
    retry 10 child_confined
  expect "dmvpn-cli reaches dmvpnd on /run/opendmvpn/dmvpnd.sock" \
    sh -c 'dmvpn-cli -c "show running-config" | grep -q "^hostname hub"'
  # the operators' group (postinst made it): privileged EXEC without root
  useradd -M -s /bin/sh oper
  adduser --quiet oper opendmvpn
  useradd -M -s /bin/sh outsider
  expect "a member of group opendmvpn uses dmvpn-cli without root" \
    runuser -u oper -- sh -c 'dmvpn-cli -c "show running-config" | grep -q "^hostname hub"'
  expect "a user outside the group is refused" \
    sh -c '! runuser -u outsider -- dmvpn-cli -c "show running-config" >/out/outsider.txt 2>&1'
  cat /out/outsider.txt
  expect "dmvpnd's kernel data plane made Tunnel0" sh -c 'ip -d link show Tunnel0 | grep -q "gre remote any local 192.0.2.1"'

  capture deb-install-boot1
  spoke_up
  wait_registered "FRR spoke registered with the installed hub" boot1
  pid=$(mainpid)
  expect "systemctl restart dmvpnd" systemctl restart dmvpnd
  expect "restart: a new dmvpnd ($pid -> $(mainpid))" test "$(mainpid)" != "$pid"
  wait_registered "FRR spoke registered again after the restart" restart

  dmvpn-cli -c 'configure terminal' -c 'interface Tunnel0' -c "description $DESC" -c 'end' \
    -c 'write memory' >/out/write-memory.txt 2>&1
  expect "write memory over dmvpn-cli" test $? -eq 0
  cat /out/write-memory.txt
  cp /etc/opendmvpn/startup-config /out/startup-config.boot1.txt
  expect "the startup-config holds the change" grep -q "description $DESC" /etc/opendmvpn/startup-config
  expect "the startup-config stays root-only (0600)" test "$(stat -c %a /etc/opendmvpn/startup-config)" = 600
  expect "write memory left no temporary file" sh -c '! ls /etc/opendmvpn/ | grep -q tmp'
  capture_stop deb-install-boot1
  journal
  expect "journal: the shell's change as IOS logs it (%SYS-5-CONFIG_I) and the save" sh -c \
    'grep -q "%SYS-5-CONFIG_I: Configured from console by root" /out/journal-dmvpnd.boot1.txt &&
     grep -q "configuration saved to /etc/opendmvpn/startup-config" /out/journal-dmvpnd.boot1.txt'
  say "boot 1 done: reboot"
  touch /out/.reboot
  finish
  exit
fi

# boot 2: the same disk after a guest reboot
expect "boot 2: the disk kept boot 1 (journal of two boots)" \
  test "$(journalctl --list-boots --no-pager | grep -c .)" -ge 2
expect "dmvpnd is enabled" test "$(systemctl is-enabled dmvpnd)" = enabled
expect "systemd started dmvpnd at boot, before this job" active dmvpnd
expect "boot 2: the NHRP child confined as in boot 1" retry 10 child_confined
dmvpn-cli -c 'show running-config' >/out/running-config.boot2.txt 2>&1
expect "the hub came back from the startup-config by itself" grep -q "^hostname hub" /out/running-config.boot2.txt
expect "the change written in boot 1 is in the running-config" \
  grep -q "description $DESC" /out/running-config.boot2.txt
journal
expect "journal: dmvpnd applied /etc/opendmvpn/startup-config at boot" \
  grep -q "startup-config: configuration applied" "/out/journal-dmvpnd.boot2.txt"
capture deb-install-boot2
spoke_up
wait_registered "FRR spoke registered with the hub after the reboot" boot2
capture_stop deb-install-boot2

# the admin edits the file and reloads: SIGHUP, the same process re-reads it
pid=$(mainpid)
sed -i "s/^ description $DESC\$/ description $DESC2/" /etc/opendmvpn/startup-config
expect "systemctl reload dmvpnd" systemctl reload dmvpnd
expect "reload: the same dmvpnd ($pid)" test "$(mainpid)" = "$pid"
expect "reload: the edited startup-config is the running-config" \
  sh -c "dmvpn-cli -c 'show running-config' | grep -q 'description $DESC2'"

expect "apt remove opendmvpn" sh -c 'apt-get remove -y opendmvpn >/out/apt-remove.log 2>&1'
expect "apt remove: no dmvpnd process left" retry 10 no_dmvpnd
expect "apt remove: /etc/opendmvpn/startup-config kept" grep -q "description $DESC2" /etc/opendmvpn/startup-config
# shellcheck disable=SC2016 # dpkg-query's own ${Status}
st=$(dpkg-query -W -f='${Status}' opendmvpn 2>&1)
expect "apt remove: the package is in config-files state ($st)" test "$st" = "deinstall ok config-files"
expect "apt purge opendmvpn" sh -c 'apt-get purge -y opendmvpn >/out/apt-purge.log 2>&1'
expect "apt purge: /etc/opendmvpn removed" test ! -e /etc/opendmvpn
expect "apt purge: /var/lib/opendmvpn removed" test ! -e /var/lib/opendmvpn
expect "apt purge: no dmvpnd process" no_dmvpnd
cp /tmp/spoke-frr.log /out/ 2>/dev/null
finish
