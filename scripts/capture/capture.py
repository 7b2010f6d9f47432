#!/usr/bin/env python3
"""Capture real QEMU 7.2 QMP replies for the qapi-java block/snapshot schema.

Usage: python3 capture.py OUTDIR
Creates qcow2 images in /tmp/qemu-fixture, starts qemu-system-x86_64 with
-machine none, runs the QMP commands and writes one reply per file:
  OUTDIR/<name>.json      pretty-printed (key order kept as sent)
  OUTDIR/raw/<name>.json  the exact bytes of the reply line
"""
import json, os, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qmp import QMP

OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/qemu-captures'
IMG = '/tmp/qemu-fixture'
SOCK = IMG + '/qmp.sock'
os.makedirs(OUT + '/raw', exist_ok=True)
os.makedirs(IMG, exist_ok=True)

def sh(*a):
    subprocess.run(a, check=True, stdout=subprocess.DEVNULL)

for f in ('base.qcow2', 'top.qcow2', 'qmp.sock'):
    if os.path.exists(f'{IMG}/{f}'):
        os.unlink(f'{IMG}/{f}')
sh('qemu-img', 'create', '-f', 'qcow2', f'{IMG}/base.qcow2', '64M')
sh('qemu-img', 'snapshot', '-c', 'base-snap1', f'{IMG}/base.qcow2')
sh('qemu-img', 'create', '-f', 'qcow2', '-b', f'{IMG}/base.qcow2', '-F', 'qcow2',
   f'{IMG}/top.qcow2')
sh('qemu-img', 'snapshot', '-c', 'top-snap1', f'{IMG}/top.qcow2')

def save(name, raw):
    with open(f'{OUT}/raw/{name}.json', 'wb') as f:
        f.write(raw)
    with open(f'{OUT}/{name}.json', 'w') as f:
        json.dump(json.loads(raw), f, indent=2)
        f.write('\n')

qemu = subprocess.Popen([
    'qemu-system-x86_64', '-machine', 'none', '-nodefaults', '-display', 'none',
    '-qmp', f'unix:{SOCK},server=on,wait=off',
    '-drive', f'file={IMG}/top.qcow2,if=none,id=drive0,node-name=top-fmt,'
              'file.node-name=top-file,backing.node-name=base-fmt,'
              'backing.file.node-name=base-file'])
try:
    q = QMP(SOCK)
    save('greeting', q.greeting_raw)

    def run(name, cmd, args=None):
        raw, obj = q.cmd_raw(cmd, args)
        if name:
            save(name, raw)
        return obj

    run('qmp_capabilities', 'qmp_capabilities')
    run('query-version', 'query-version')
    run('query-status', 'query-status')
    run('query-commands', 'query-commands')
    run('query-qmp-schema', 'query-qmp-schema')
    run('query-block', 'query-block')
    run('query-named-block-nodes', 'query-named-block-nodes')
    run('query-named-block-nodes-flat', 'query-named-block-nodes', {'flat': True})
    run('query-jobs-empty', 'query-jobs')
    run('hmp-info-block', 'human-monitor-command', {'command-line': 'info block'})
    run('hmp-info-snapshots', 'human-monitor-command',
        {'command-line': 'info snapshots'})

    # internal snapshot on the active layer, then delete it again
    run('blockdev-snapshot-internal-sync', 'blockdev-snapshot-internal-sync',
        {'device': 'drive0', 'name': 'qmp-snap'})
    run('query-block-after-internal-snapshot', 'query-block')
    run('blockdev-snapshot-delete-internal-sync',
        'blockdev-snapshot-delete-internal-sync',
        {'device': 'drive0', 'name': 'qmp-snap'})
    run('error-snapshot-delete-missing', 'blockdev-snapshot-delete-internal-sync',
        {'device': 'drive0', 'name': 'no-such-snap'})

    def wait_job(job_id):
        """Pump the event queue until job_id reports 'concluded'."""
        deadline = time.time() + 30
        while time.time() < deadline:
            if any(e['event'] == 'JOB_STATUS_CHANGE' and e['data']['id'] == job_id
                   and e['data']['status'] == 'concluded' for _, e in q.events):
                return
            time.sleep(0.05)
            q.cmd('query-version')        # any command reads pending events
        raise TimeoutError(job_id)

    # VM snapshot jobs: save, a failing save (duplicate tag), load, delete
    run('snapshot-save', 'snapshot-save',
        {'job-id': 'save0', 'tag': 'vm-snap', 'vmstate': 'top-fmt',
         'devices': ['top-fmt']})
    wait_job('save0')
    run('query-jobs-concluded', 'query-jobs')
    run('job-dismiss', 'job-dismiss', {'id': 'save0'})
    run('hmp-info-snapshots-after-save', 'human-monitor-command',
        {'command-line': 'info snapshots'})
    run('query-block-after-snapshot-save', 'query-block')

    run('snapshot-save-duplicate', 'snapshot-save',
        {'job-id': 'save1', 'tag': 'vm-snap', 'vmstate': 'top-fmt',
         'devices': ['top-fmt']})
    wait_job('save1')
    run('query-jobs-failed', 'query-jobs')
    run(None, 'job-dismiss', {'id': 'save1'})

    run('snapshot-load', 'snapshot-load',
        {'job-id': 'load0', 'tag': 'vm-snap', 'vmstate': 'top-fmt',
         'devices': ['top-fmt']})
    wait_job('load0')
    run('query-jobs-load-concluded', 'query-jobs')
    run(None, 'job-dismiss', {'id': 'load0'})

    run('snapshot-delete', 'snapshot-delete',
        {'job-id': 'del0', 'tag': 'vm-snap', 'devices': ['top-fmt']})
    wait_job('del0')
    run('query-jobs-delete-concluded', 'query-jobs')
    run(None, 'job-dismiss', {'id': 'del0'})
    run('error-job-dismiss-unknown', 'job-dismiss', {'id': 'del0'})
    run('query-jobs-after-dismiss', 'query-jobs')

    run('stop', 'stop')
    q.wait_event('STOP')
    run('query-status-paused', 'query-status')
    run('cont', 'cont')
    q.wait_event('RESUME')
    run('quit', 'quit')
    q.wait_event('SHUTDOWN')
finally:
    try:
        qemu.wait(timeout=10)
    except subprocess.TimeoutExpired:
        qemu.kill()
    # every event, numbered in arrival order
    for n, (raw, ev) in enumerate(getattr(q, 'events', []), 1):
        save(f"event-{n:02d}-{ev['event']}", raw)
