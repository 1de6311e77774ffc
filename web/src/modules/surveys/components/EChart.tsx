import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/**
 * A small ECharts wrapper: one chart per element, made on mount, given the new option on change, resized
 * with its box, and disposed on unmount (no echarts-for-react).
 */
export function EChart({ option, height = 260, label }: { option: echarts.EChartsOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
