import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import { clipAtWord, escapeMarkdown, markdownText, orderLabel, paperFacts, type PaperOrder, withoutBidiControls } from '../core/citations/displayText';
import { paperRow } from './paperRow';
import { readableText } from '../core/citations/latexText';
import { groupByTopic } from '../core/topics/groupByTopic';
import type { Paper, TopicRule } from '../core/types';
import { affects, SETTINGS, sortBy } from '../settings/settings';
import type { PaperStore } from '../core/store/paperStore';

/** A topic in the tree, with the papers under it in the current sort order. */
export interface TopicNode {
  kind: 'topic';
  rule: TopicRule;
  papers: Paper[];
}

/** A paper under one of its topics (a paper with three topics appears three times). */
export interface PaperNode {
  kind: 'paper';
  paper: Paper;
  topic: TopicNode;
}

/** A node of the Topics tree. */
export type TopicTreeNode = TopicNode | PaperNode;

/** How many places in the workspace cite each paper (the workspace citation index). */
export interface CitationCounter {
  count(key: string): number;
  /** Fires when some paper's count changed. */
  readonly onDidChange: vscode.Event<void>;
}

const ABSTRACT_PREVIEW = 400;

/**
 * The "Topics" tree: each topic with its codicon and paper count, its papers under it in the sort
 * order the setting picks. Follows the store and the settings without a reload.
 */
export class TopicTreeProvider implements vscode.TreeDataProvider<TopicTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TopicTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: TopicNode[] | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private readonly badgeEmitter = new vscode.EventEmitter<undefined>();

  constructor(private readonly store: PaperStore, private readonly citations?: CitationCounter) {
    store.onDidChange(() => this.refresh(), undefined, this.disposables);
    citations?.onDidChange(() => {
      this.changeEmitter.fire(undefined);
      this.badgeEmitter.fire(undefined);
    }, undefined, this.disposables);
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, SETTINGS.sortBy)) this.refresh();
    }, undefined, this.disposables);
  }

  /** Rebuilds the tree from the store. */
  refresh(): void {
    this.roots = undefined;
    this.changeEmitter.fire(undefined);
  }

  /** The topic nodes (cached until the next refresh, so `reveal` finds the same objects). */
  topics(): TopicNode[] {
    if (!this.roots) {
      this.roots = this.store.state.kind === 'ready'
        ? groupByTopic(this.store.papers, this.store.rules, sortBy()).map(({ rule, papers }) => ({ kind: 'topic' as const, rule, papers }))
        : [];
    }
    return this.roots;
  }

  /** The node for `paperId` under its first topic, for `reveal`. */
  paperNode(paperId: string): PaperNode | undefined {
    const paper = this.store.paper(paperId);
    if (!paper) return undefined;
    const topic = this.topics().find((node) => paper.topics.includes(node.rule.name)) ?? this.topics().find((node) => node.papers.some((p) => p.id === paperId));
    return topic ? this.paperNodeIn(topic, paper) : undefined;
  }

  /** The node for `paperId` under the topic named `topicName` (case-insensitive), for `reveal`. */
  paperUnder(topicName: string, paperId: string): PaperNode | undefined {
    const topic = this.topicNode(topicName);
    const paper = topic?.papers.find((candidate) => candidate.id === paperId);
    return topic && paper ? this.paperNodeIn(topic, paper) : undefined;
  }

  /** The node for the topic named `name` (case-insensitive). */
  topicNode(name: string): TopicNode | undefined {
    const lower = name.toLowerCase();
    return this.topics().find((node) => node.rule.name.toLowerCase() === lower);
  }

  getChildren(element?: TopicTreeNode): TopicTreeNode[] {
    if (!element) return this.topics();
    if (element.kind === 'paper') return [];
    return element.papers.map((paper) => this.paperNodeIn(element, paper));
  }

  getParent(element: TopicTreeNode): TopicTreeNode | undefined {
    return element.kind === 'paper' ? element.topic : undefined;
  }

  getTreeItem(element: TopicTreeNode): vscode.TreeItem {
    const order = sortBy();
    return element.kind === 'topic' ? topicItem(element, order) : paperItem(element, order, this.citations?.count(element.paper.key) ?? 0);
  }

  /**
   * The cited count of each paper row as a badge at the row's right end, where a long title cannot
   * push it out of sight (the description, after the title, is cut off first at the default sidebar
   * width). Register with `vscode.window.registerFileDecorationProvider`.
   */
  readonly citedBadges: vscode.FileDecorationProvider = {
    onDidChangeFileDecorations: this.badgeEmitter.event,
    provideFileDecoration: (uri) => {
      if (uri.scheme !== PAPER_ROW_SCHEME || !this.citations) return undefined;
      const paper = this.store.paper(decodeURIComponent(uri.path.slice(1)));
      const count = paper ? this.citations.count(paper.key) : 0;
      if (count === 0) return undefined;
      return new vscode.FileDecoration(count > 99 ? '99' : String(count), `Cited ${count} ${count === 1 ? 'time' : 'times'} in this workspace`);
    },
  };

  private readonly paperNodes = new WeakMap<TopicNode, Map<string, PaperNode>>();

  /** One node object per (topic, paper), so the tree and `reveal` agree on identity. */
  private paperNodeIn(topic: TopicNode, paper: Paper): PaperNode {
    let nodes = this.paperNodes.get(topic);
    if (!nodes) this.paperNodes.set(topic, (nodes = new Map<string, PaperNode>()));
    let node = nodes.get(paper.id);
    if (!node) nodes.set(paper.id, (node = { kind: 'paper', paper, topic }));
    return node;
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.badgeEmitter.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function topicItem(node: TopicNode, order: PaperOrder): vscode.TreeItem {
  const name = withoutBidiControls(node.rule.name);
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `topic:${node.rule.name}`;
  item.iconPath = new vscode.ThemeIcon(node.rule.icon || 'tag');
  item.description = String(node.papers.length);
  const count = `${node.papers.length} ${node.papers.length === 1 ? 'paper' : 'papers'}, ${orderLabel(order)}`;
  item.tooltip = markdownTooltip([`**${escapeMarkdown(name)}** — ${markdownText(count)}`, markdownText(withoutBidiControls(node.rule.description ?? ''))]);
  item.contextValue = 'paperScout.topic';
  return item;
}

/** The scheme of the URIs paper rows carry, for their cited-count badge (`citedBadges`). */
const PAPER_ROW_SCHEME = 'paper-scout-paper';

/** `citations`: how many places in the workspace cite the paper, shown when there are any. */
function paperItem(node: PaperNode, order: PaperOrder, citations: number): vscode.TreeItem {
  const { paper } = node;
  const row = paperRow(paper, order, citations);
  const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
  item.id = `paper:${node.topic.rule.name}/${paper.id}`;
  item.description = row.description;
  item.resourceUri = vscode.Uri.from({ scheme: PAPER_ROW_SCHEME, path: `/${encodeURIComponent(paper.id)}` });
  // A row with a resource shows an icon either way (the file icon theme's, else this one): a quote for
  // a paper the workspace cites, so cited papers stand out before their titles are read.
  item.iconPath = new vscode.ThemeIcon(citations > 0 ? 'quote' : 'file-text');
  const title = readableText(paper.title);
  const abstract = readableText(paper.abstract);
  const facts = paperFacts(paper, order);
  const cited = citations > 0 ? `cited ${citations} ${citations === 1 ? 'time' : 'times'} in the workspace` : '';
  item.tooltip = markdownTooltip([
    `**${escapeMarkdown(title)}**`,
    [`\`${paper.key.replace(/`/g, '')}\``, facts ? markdownText(facts) : '', cited ? markdownText(cited) : ''].filter(Boolean).join(' · '),
    abstract ? markdownText(clipAtWord(abstract, ABSTRACT_PREVIEW)) : '_No abstract._',
  ]);
  item.accessibilityInformation = { label: [title, facts, cited].filter(Boolean).join(', ') };
  item.contextValue = 'paperScout.paper';
  item.command = { command: COMMANDS.openPaper, title: 'Open Paper', arguments: [paper.id] };
  return item;
}

/** A tooltip of Markdown paragraphs (empty ones left out), with no HTML and no command links. */
function markdownTooltip(paragraphs: readonly string[]): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(paragraphs.filter((paragraph) => paragraph.length > 0).join('\n\n'));
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  return tooltip;
}
