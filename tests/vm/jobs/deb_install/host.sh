# SPDX-License-Identifier: GPL-2.0-or-later
# Host side of deb_install (sourced by run.sh): no network of the host's;
# host_check reads what the guest left on the output disk and asserts each
# step of the issue by name, so a step the guest skipped fails here too.
host_setup() { :; }

host_check() {
  local out=$2 fail=0 step
  while read -r step; do
    if grep -qF "ok - $step" "$out/run.log" && ! grep -qF "not ok - $step" "$out/run.log"; then
      echo "ok - (host) $step"
    else
      echo "not ok - (host) $step"
      fail=1
    fi
  done <<'STEPS'
boot 1: PID 1 is systemd
apt install ./opendmvpn_*.deb resolves offline from the image
systemctl enable --now dmvpnd
a member of group opendmvpn uses dmvpn-cli without root
a user outside the group is refused
dmvpnd.service is active (Type=notify: READY=1 sent)
FRR spoke registered with the installed hub
systemctl restart dmvpnd
FRR spoke registered again after the restart
write memory over dmvpn-cli
the startup-config holds the change
boot 2: PID 1 is systemd
boot 2: the disk kept boot 1 (journal of two boots)
systemd started dmvpnd at boot, before this job
the hub came back from the startup-config by itself
the change written in boot 1 is in the running-config
FRR spoke registered with the hub after the reboot
systemctl reload dmvpnd
reload: the edited startup-config is the running-config
apt remove: no dmvpnd process left
apt remove: /etc/opendmvpn/startup-config kept
apt purge: /etc/opendmvpn removed
STEPS
  # two power-ons: the reboot really happened between them
  if grep -q '^vm-job: reboot after boot 1$' "$out/run.log" && grep -q '^=== vm-job: boot 2 ' "$out/run.log"; then
    echo "ok - (host) the guest rebooted once, the job ran on both boots"
  else
    echo "not ok - (host) the guest rebooted once, the job ran on both boots"
    fail=1
  fi
  return $fail
}
