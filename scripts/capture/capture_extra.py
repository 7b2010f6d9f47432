#!/usr/bin/env python3
"""Extra captures: dirty bitmaps (BlockDirtyInfo, Qcow2BitmapInfo) and
BLOCK_IMAGE_CORRUPTED on a deliberately damaged qcow2 image."""
import json, os, struct, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qmp import QMP
OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/qemu-captures'
IMG = '/tmp/qemu-fixture'
SOCK = IMG + '/qmp-extra.sock'
os.makedirs(OUT + '/raw', exist_ok=True)
def sh(*a): subprocess.run(a, check=True, stdout=subprocess.DEVNULL)
def save(name, raw):
    open(f'{OUT}/raw/{name}.json', 'wb').write(raw)
    with open(f'{OUT}/{name}.json', 'w') as f:
        json.dump(json.loads(raw), f, indent=2); f.write('\n')
for f in ('bm.qcow2', 'corrupt.qcow2', 'qmp-extra.sock'):
    if os.path.exists(f'{IMG}/{f}'): os.unlink(f'{IMG}/{f}')
# image with a persistent bitmap stored in the file
sh('qemu-img', 'create', '-f', 'qcow2', f'{IMG}/bm.qcow2', '64M')
sh('qemu-img', 'bitmap', '--add', '-g', '128k', f'{IMG}/bm.qcow2', 'stored-bm')
# image whose L1[0] points at the refcount block: the next write trips the
# metadata overlap check and QEMU marks the image corrupt
sh('qemu-img', 'create', '-f', 'qcow2', f'{IMG}/corrupt.qcow2', '64M')
sh('qemu-io', '-c', 'write 0 64k', f'{IMG}/corrupt.qcow2')
with open(f'{IMG}/corrupt.qcow2', 'r+b') as f:
    h = f.read(104)
    l1 = struct.unpack('>Q', h[40:48])[0]
    rt = struct.unpack('>Q', h[48:56])[0]
    f.seek(rt); rb = struct.unpack('>Q', f.read(8))[0]
    f.seek(l1); f.write(struct.pack('>Q', 0x8000000000000000 | rb))
qemu = subprocess.Popen([
    'qemu-system-x86_64', '-machine', 'none', '-nodefaults', '-display', 'none',
    '-qmp', f'unix:{SOCK},server=on,wait=off',
    '-drive', f'file={IMG}/bm.qcow2,if=none,id=drive-bm,node-name=bm-fmt,file.node-name=bm-file',
    '-drive', f'file={IMG}/corrupt.qcow2,if=none,id=drive-bad,node-name=bad-fmt,file.node-name=bad-file'])
q = None
try:
    q = QMP(SOCK)
    q.cmd('qmp_capabilities')
    q.cmd('block-dirty-bitmap-add', {'node': 'bm-fmt', 'name': 'runtime-bm',
                                     'granularity': 65536})
    q.cmd('block-dirty-bitmap-add', {'node': 'bm-fmt', 'name': 'disabled-bm',
                                     'disabled': True})
    q.cmd('human-monitor-command', {'command-line': "qemu-io drive-bm \"write 0 1M\""})
    save('extra-query-block-bitmaps', q.cmd_raw('query-block')[0])
    save('extra-query-named-block-nodes-bitmaps',
         q.cmd_raw('query-named-block-nodes', {'flat': True})[0])
    raw, obj = q.cmd_raw('human-monitor-command',
                         {'command-line': "qemu-io drive-bad \"write 0 512\""})
    save('extra-hmp-qemu-io-corrupt', raw)
    q.wait_event('BLOCK_IMAGE_CORRUPTED', timeout=10)
    save('extra-error-query-named-block-nodes-after-corrupt',
         q.cmd_raw('query-named-block-nodes', {'flat': True})[0])
    save('extra-query-block-after-corrupt', q.cmd_raw('query-block')[0])
    q.cmd('quit')
    q.wait_event('SHUTDOWN')
finally:
    try: qemu.wait(timeout=10)
    except subprocess.TimeoutExpired: qemu.kill()
    for n, (raw, ev) in enumerate(q.events if q else [], 1):
        save(f"extra-event-{n:02d}-{ev['event']}", raw)
