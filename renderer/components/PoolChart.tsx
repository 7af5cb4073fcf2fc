import { makeStyles } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import type { ChartColumns } from '../wizard/chart-data';
import { formatTime } from '../wizard/format';

// uPlot's own stylesheet, in the few rules its layout needs, so the build ships no CSS file.
const useStyles = makeStyles({
  chart: {
    position: 'relative',
    minHeight: '200px',
    '& .u-wrap': { position: 'relative', userSelect: 'none' },
    '& .u-over, & .u-under': { position: 'absolute' },
    '& canvas': { display: 'block', position: 'relative', width: '100%', height: '100%' },
    '& .u-axis': { position: 'absolute' },
    '& .u-legend': { display: 'none' },
  },
});

/** The Fluent tokens the chart paints with, read from the theme in force (canvas cannot use CSS variables). */
const PAINT = {
  timeWait: '--colorPaletteMarigoldBorderActive',
  timeWaitFill: '--colorPaletteMarigoldBackground2',
  established: '--colorPaletteBlueBorderActive',
  establishedFill: '--colorPaletteBlueBackground2',
  other: '--colorPaletteLavenderBorderActive',
  otherFill: '--colorPaletteLavenderBackground2',
  pool: '--colorPaletteRedForeground1',
  threshold: '--colorPaletteDarkOrangeForeground1',
  text: '--colorNeutralForeground2',
  grid: '--colorNeutralStroke2',
} as const;
export type Paint = Record<keyof typeof PAINT, string>;

function paintOf(element: HTMLElement): Paint {
  const style = getComputedStyle(element);
  return Object.fromEntries(
    Object.entries(PAINT).map(([key, name]) => [key, style.getPropertyValue(name).trim()]),
  ) as Paint;
}

function options(width: number, paint: Paint, label: string): uPlot.Options {
  // Opaque fills, each band painted over the one below it: the top band shows its own state's colour.
  const area = (name: string, stroke: string, fill: string): uPlot.Series => ({
    label: name,
    stroke,
    fill,
    width: 1.5,
    points: { show: false },
  });
  const axis = { stroke: paint.text, grid: { stroke: paint.grid, width: 1 }, ticks: { stroke: paint.grid, width: 1 } };
  const clock = (_plot: uPlot, splits: number[]) => splits.map((split) => formatTime(split * 1000));
  return {
    width,
    height: 200,
    legend: { show: false },
    cursor: { show: false },
    scales: { y: { range: (_plot, _min, max) => [0, Math.max(10, max * 1.05)] } },
    axes: [
      { ...axis, values: clock },
      { ...axis, size: 60, label },
    ],
    // Drawn top line first, so each band of the stack shows its own state's colour.
    series: [
      {},
      area('Other', paint.other, paint.otherFill),
      area('Established', paint.established, paint.establishedFill),
      area('TIME_WAIT', paint.timeWait, paint.timeWaitFill),
      { label: 'Pool', stroke: paint.pool, width: 2, dash: [6, 4], points: { show: false } },
      { label: 'Alert threshold', stroke: paint.threshold, width: 1.5, dash: [2, 3], points: { show: false } },
    ],
  };
}

/** Stacked from the top: Other holds all held, Established TIME_WAIT plus open ones, TIME_WAIT alone. */
const stacked = (columns: ChartColumns): uPlot.AlignedData => [
  columns[0],
  columns[3],
  columns[2],
  columns[1],
  columns[4],
  columns[5],
];

/** Only draws: the ring is turned into columns by the page. Rebuilt when the theme or width changes. */
export function PoolChart({ columns, themeKey, label }: { columns: ChartColumns; themeKey: string; label: string }) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // New columns go into the chart as it is; a chart rebuilt for a new width or theme starts from the latest ones.
  const latest = useRef(columns);
  useLayoutEffect(() => {
    latest.current = columns;
    plot.current?.setData(stacked(columns));
  }, [columns]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element || width === 0) return;
    const chart = new uPlot(options(width, paintOf(element), label), stacked(latest.current), element);
    plot.current = chart;
    return () => {
      chart.destroy();
      plot.current = null;
    };
  }, [width, themeKey, label]);

  return (
    <div
      ref={box}
      className={styles.chart}
      role="img"
      aria-label={`${label} over the last minutes, by state, against the pool and the alert threshold`}
    />
  );
}
