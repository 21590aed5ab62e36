# py-ard 2.3.1 S reduction of the 100,000-line GL workload (workload_gl_100k.txt of the peer
# harness), with the harness's offline wiring; writes one answer a line. Paths are those of the
# machine it ran on.
import sys, types
sys.path.insert(0, "/work/main/../shared/tools/peer-pyard")
import bench
args = types.SimpleNamespace(pyard_src="/work/scratch/pyard/src", data_dir="/work/main/../shared/data/hla",
                             work_dir="/work/scratch/pyard/work")
pyard = bench.import_pyard(args)
ard = pyard.init(bench.IMGT_VERSION, data_dir="/work/scratch/pyard/work/db", load_mac=False)
out = open("/work/scratch/glcmp/gl_S.txt", "w")
for line in open("/work/scratch/pyard/out/workload_gl_100k.txt"):
    gl = line.rstrip("\n")
    try:
        r = ard.redux(gl, "S")
    except Exception as e:
        r = "!" + type(e).__name__
    out.write(r + "\n")
out.close()
print("done")
